// Invoice PDFs (lib/invoices/pdf.ts): the first render in a fresh process (module load, fonts,
// layout engine warm-up), then warm renders of new content per page — one-page invoices and a
// 120-line invoice over several pages — and a cache hit. Printed, never asserted (issue #15 aims
// at ≤ 100 ms warm per page on this machine).
// Runs in a child process of its own, on an in-memory PGlite: the bench runs under
// `--conditions=react-server`, where `react` has no renderer internals and @react-pdf cannot lay out
// a document; the child runs as the app's server does (plain conditions, `server-only` a no-op).
import { spawnSync } from "node:child_process";
import Module from "node:module";
import path from "node:path";
import { ms } from "./util";

export async function benchInvoices(dbLabel: string) {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const run = spawnSync(tsx, [path.join(process.cwd(), "scripts", "bench", "invoices.ts")], {
    stdio: "inherit",
    env: { ...process.env, BENCH_INVOICES_CHILD: dbLabel, DATABASE_URL: "" },
  });
  if (run.status !== 0)
    console.log(`
Invoice PDFs — the bench process failed (exit ${run.status}).`);
}

const WARM = Number(process.env.BENCH_INVOICE_PDFS ?? 20);

async function measure(dbLabel: string) {
  const t0 = performance.now();
  const { createDatabase } = await import("../../lib/db/client");
  const g = globalThis as unknown as { __vitrineDb?: import("../../lib/db/client").Database };
  g.__vitrineDb = createDatabase({ url: undefined, pgliteDir: "memory://" });
  await g.__vitrineDb.ready;
  const { prisma } = await import("../../lib/db/client");
  const { issueInvoice } = await import("../../lib/invoices/issue");
  const { platformParty, storeParty } = await import("../../lib/invoices/parties");
  const { clearInvoicePdfCache, renderPdfOf } = await import("../../lib/invoices/pdf");
  const { PDFParse } = await import("pdf-parse");
  const audit = { actor: { type: "system" as const, id: "bench" } };
  const owner = await prisma.user.create({
    data: { email: `bench-inv-${Date.now()}@example.com`, name: "Bench", passwordHash: "x" },
  });
  const store = await prisma.store.create({
    data: {
      ownerId: owner.id,
      name: "Bench Invoices",
      slug: `bench-inv-${Date.now()}`,
      legalName: "Bench Comércio Ltda.",
      taxId: "11222333000181",
      taxIdType: "cnpj",
    },
  });
  const issue = async (n: number, lines: number) =>
    (
      await issueInvoice(
        {
          issuer: "STORE",
          storeId: store.id,
          sourceType: "manual",
          sourceId: `bench-${n}-${lines}`,
          currency: "BRL",
          lines: Array.from({ length: lines }, (_, i) => ({
            description: `Item ${i + 1} — açaí, tapioca e café`,
            quantity: 1 + (i % 3),
            unitAmount: 1990 + i,
          })),
          issuerDetails: n % 2 ? platformParty() : await storeParty(prisma, store.id),
          customerDetails: {
            name: "Maria da Silva",
            legalName: null,
            taxId: "52998224725",
            taxIdType: "cpf",
            email: null,
            address: null,
          },
        },
        { status: "paid", paidAt: new Date() },
        audit,
      )
    ).invoice;
  const ctx = { pix: null, logo: null, creditedNumber: null, refunded: 0 };
  const pagesOf = async (buffer: Buffer) => (await new PDFParse({ data: new Uint8Array(buffer) }).getInfo()).total;

  const first = await issue(0, 3);
  const setup = performance.now() - t0;
  const c0 = performance.now();
  const cold = await renderPdfOf(first, "pt-BR", ctx);
  const coldMs = performance.now() - c0;

  const singles = await Promise.all(Array.from({ length: WARM }, (_, i) => issue(i + 1, 3)));
  const w0 = performance.now();
  for (const invoice of singles) await renderPdfOf(invoice, "pt-BR", ctx);
  const warmSingle = (performance.now() - w0) / WARM;

  const long = await issue(9999, 120);
  const l0 = performance.now();
  const longPdf = await renderPdfOf(long, "en", ctx);
  const longMs = performance.now() - l0;
  const pages = await pagesOf(longPdf.buffer);

  const h0 = performance.now();
  const hit = await renderPdfOf(long, "en", ctx);
  const hitMs = performance.now() - h0;
  clearInvoicePdfCache();

  console.log(`\nInvoice PDFs — @react-pdf/renderer, ${dbLabel}`);
  console.log(
    `  cold: first render in this process ${ms(coldMs)} (${cold.buffer.length} bytes; module load + setup ${ms(setup)})`,
  );
  console.log(`  warm: one-page invoice ${ms(warmSingle)} per page (mean of ${WARM} new documents)`);
  console.log(`  warm: 120-line invoice, ${pages} pages, ${ms(longMs)} → ${ms(longMs / pages)} per page`);
  console.log(`  cache hit (same content, locale and stamp): ${ms(hitMs)}${hit.cached ? "" : " (miss!)"}`);
}

if (process.env.BENCH_INVOICES_CHILD) {
  // `server-only` refuses to load outside a react-server build: here it is the no-op the bundler makes it.
  const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = M._resolveFilename;
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === "server-only") request = path.join(process.cwd(), "tests", "support", "server-only.ts");
    return original.call(this, request, ...rest);
  };
  process.env.LOG_LEVEL = "silent";
  measure(process.env.BENCH_INVOICES_CHILD).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
