// Gap-free numbers under concurrency (run on PostgreSQL: TEST_DATABASE_URL=…), a rolled-back
// finalisation giving its number back, one invoice per source, and finalised invoices that never
// change their content.
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { sellerWithStore, systemCtx } from "../support/seller";
import { prisma } from "@/lib/db/client";
import { createDraft, finaliseInvoice, issueInvoice } from "@/lib/invoices/issue";
import { displayNumberFor, nextNumber, storePrefix } from "@/lib/invoices/numbering";
import { markPaidTx, patchInvoice, patchInvoiceTx } from "@/lib/invoices/status";
import { issuedStoreInvoice, storeDraft } from "./support";

describe("invoice numbering", () => {
  useTestDatabase();

  it(`50 concurrent finalisations take 1..50, no gap, no repeat (${testDatabaseKind()})`, async () => {
    const { store } = await sellerWithStore({ storeName: "Loja da Ana" });
    const drafts = [];
    for (let i = 0; i < 50; i++) {
      const draft = await storeDraft(store.id);
      drafts.push((await prisma.$transaction((tx) => createDraft(tx, draft))).invoice);
    }
    const finalised = await Promise.all(
      drafts.map((d) =>
        prisma.$transaction((tx) => finaliseInvoice(tx, d.id, { status: "open" }, systemCtx), {
          maxWait: 30_000,
          timeout: 30_000,
        }),
      ),
    );
    const numbers = finalised.map((i) => i.number!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const shown = new Set(finalised.map((i) => i.displayNumber));
    expect(shown.size).toBe(50);
    const { slug } = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(shown.has(`${storePrefix(slug)}-000050`)).toBe(true);
    expect(await prisma.invoiceSequence.findUnique({ where: { series: `store:${store.id}` } })).toMatchObject({
      lastNumber: 50,
    });
  });

  it("a finalisation that rolls back gives its number back; finalising twice keeps the first number", async () => {
    const { store } = await sellerWithStore();
    const first = await issuedStoreInvoice(store.id);
    expect(first.number).toBe(1);
    const draft = await storeDraft(store.id);
    await expect(
      prisma.$transaction(async (tx) => {
        const { invoice } = await createDraft(tx, draft);
        const taken = await finaliseInvoice(tx, invoice.id, { status: "open" }, systemCtx);
        expect(taken.number).toBe(2);
        throw new Error("payment provider said no");
      }),
    ).rejects.toThrow("payment provider said no");
    const second = await issuedStoreInvoice(store.id);
    expect(second.number).toBe(2);
    const again = await prisma.$transaction((tx) => finaliseInvoice(tx, second.id, { status: "open" }, systemCtx));
    expect(again.number).toBe(2);
    expect(await prisma.invoice.count({ where: { storeId: store.id } })).toBe(2);
  });

  it("one invoice per source: a second issue returns the first, concurrently too", async () => {
    const { store } = await sellerWithStore();
    const draft = await storeDraft(store.id);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => issueInvoice(draft, { status: "paid", paidAt: new Date() }, systemCtx)),
    );
    expect(new Set(results.map((r) => r.invoice.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await prisma.invoice.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.invoiceSequence.findUnique({ where: { series: `store:${store.id}` } })).toMatchObject({
      lastNumber: 1,
    });
  });

  it("credit notes and the platform have their own series and formats", async () => {
    const { store } = await sellerWithStore();
    await prisma.$transaction(async (tx) => {
      expect(await nextNumber(tx, `store:${store.id}:cn`)).toBe(1);
      expect(await nextNumber(tx, `store:${store.id}:cn`)).toBe(2);
    });
    const at = new Date("2026-01-01T02:00:00Z"); // still 31 Dec 2025 in São Paulo
    expect(displayNumberFor({ issuer: "PLATFORM", kind: "INVOICE", number: 42, finalizedAt: at, storeSlug: "x" })).toBe(
      "VIT-2025-000042",
    );
    expect(
      displayNumberFor({ issuer: "STORE", kind: "CREDIT_NOTE", number: 3, finalizedAt: at, storeSlug: "loja-da-ana" }),
    ).toBe("LOJADAANA-NC-000003");
    expect(storePrefix("---")).toBe("LOJA");
    expect(storePrefix("açaí-do-zé-e-família")).toBe("ACAIDOZEEF");
  });
});

describe("a finalised invoice never changes", () => {
  useTestDatabase();

  it("refuses lines, totals, parties and number; takes status and payment facts; paid is final", async () => {
    const { store } = await sellerWithStore();
    const invoice = await issuedStoreInvoice(store.id);
    const before = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { lines: true } });
    for (const field of ["total", "subtotal", "customerDetails", "issuerDetails", "number", "displayNumber", "lines"])
      await expect(
        patchInvoice(invoice.id, { [field]: 1 } as Record<string, unknown>, systemCtx),
      ).rejects.toMatchObject({ code: "invoice_immutable", status: 409 });

    const paidAt = new Date("2026-03-01T12:00:00Z");
    const paid = await prisma.$transaction((tx) =>
      markPaidTx(tx, invoice.id, { paidAt, paymentMethod: "pix" }, systemCtx),
    );
    expect(paid).toMatchObject({ changed: true, statusChanged: true });
    expect(paid.invoice).toMatchObject({ status: "paid", amountPaid: 10000, amountDue: 0, paymentMethod: "pix" });
    expect(paid.invoice.contentHash).not.toBe(before.contentHash);

    // A replayed payment, a late "open", a void: nothing moves once paid.
    const replay = await prisma.$transaction((tx) =>
      markPaidTx(tx, invoice.id, { paidAt: new Date(), paymentMethod: "card" }, systemCtx),
    );
    expect(replay.changed).toBe(false);
    await prisma.$transaction((tx) => patchInvoiceTx(tx, invoice.id, { status: "open", amountDue: 10000 }, systemCtx));
    await prisma.$transaction((tx) =>
      patchInvoiceTx(tx, invoice.id, { status: "void", voidedAt: new Date() }, systemCtx),
    );

    const after = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { lines: true } });
    expect(after).toMatchObject({ status: "paid", paidAt, paymentMethod: "pix", amountDue: 0 });
    for (const field of ["number", "displayNumber", "total", "subtotal", "issuerDetails", "customerDetails"] as const)
      expect(after[field]).toEqual(before[field]);
    expect(after.lines).toEqual(before.lines);
    const audits = await prisma.auditLog.findMany({ where: { targetId: invoice.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["invoice.issued", "invoice.paid"]);
  });

  it("nothing outside lib/invoices writes an invoice or its lines", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(import.meta.dirname, "../..");
    const walk = (dir: string, out: string[] = []): string[] => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p, out);
        else if (/\.(ts|tsx)$/.test(name)) out.push(p);
      }
      return out;
    };
    const writers = ["app", "lib", "components"]
      .flatMap((d) => walk(path.join(root, d)))
      .filter((f) => !f.includes(`${path.sep}lib${path.sep}invoices${path.sep}`))
      .filter((f) =>
        /\b(?:invoice|invoiceLine)\.(?:create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\(/.test(
          readFileSync(f, "utf8"),
        ),
      );
    expect(writers.map((f) => path.relative(root, f))).toEqual([]);
  });
});
