// Real PDFs read back with pdf-parse: number, parties' tax ids, lines, totals, the status stamp in
// both languages, the PIX BR Code of an open BRL platform invoice (CRC checked by pix-utils), and a
// cache that never serves the PDF of an earlier status. INVOICE_PDF_OUT=<dir> keeps the files.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { hasError, parsePix } from "pix-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore, systemCtx } from "../support/seller";
import { prisma } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env/server";
import { issueInvoice } from "@/lib/invoices/issue";
import { platformParty, storeParty } from "@/lib/invoices/parties";
import { clearInvoicePdfCache, printableLogo, renderInvoicePdf, renderPdfOf } from "@/lib/invoices/pdf";
import { brCodeToPngDataUrl } from "@/lib/pix/qr";
import { platformInvoicePix } from "@/lib/invoices/pix";
import { markPaidTx, patchInvoice } from "@/lib/invoices/status";
import { crc16 } from "@/lib/pix/brcode";
import { BUYER, storeDraft } from "./support";

const OUT = process.env.INVOICE_PDF_OUT;

async function textOf(buffer: Buffer): Promise<string> {
  const { text } = await new PDFParse({ data: new Uint8Array(buffer) }).getText();
  return text.replace(/\u00a0/g, " ");
}

function keep(name: string, buffer: Buffer) {
  if (!OUT) return;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, name), buffer);
}

describe("invoice PDFs", () => {
  useTestDatabase();
  beforeAll(() => {
    process.env.PLATFORM_PIX_KEY = "financeiro@vitrine.com.br";
    process.env.PLATFORM_TAX_ID = "11.222.333/0001-81";
    process.env.PLATFORM_ADDRESS = "Av. Paulista, 1000 – São Paulo – SP, 01310-100";
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.PLATFORM_PIX_KEY;
    delete process.env.PLATFORM_TAX_ID;
    delete process.env.PLATFORM_ADDRESS;
    resetEnvCache();
  });

  async function brazilianStore() {
    const seller = await sellerWithStore({ storeName: "Açaí da Ana" });
    await prisma.store.update({
      where: { id: seller.store.id },
      data: {
        legalName: "Ana Açaí Comércio de Alimentos Ltda.",
        taxId: "45997418000153",
        taxIdType: "cnpj",
        address: { line1: "Rua das Flores, 123", city: "Belém", state: "PA", postalCode: "66010-000", country: "BR" },
      },
    });
    return seller;
  }

  it("a paid store receipt: number, both tax ids, lines, discount, totals and the PAID stamp, pt-BR and en", async () => {
    const { store } = await brazilianStore();
    const draft = await storeDraft(store.id, {
      sourceType: "order",
      lines: [
        { description: "Tigela de açaí 500 ml", quantity: 3, unitAmount: 2990, discountAmount: 897 },
        { description: "Granola extra", quantity: 1, unitAmount: 450 },
      ],
      discounts: [{ name: "Dez por cento", code: "ACAI10", amount: 897 }],
      paymentMethod: "card",
    });
    const { invoice } = await issueInvoice(draft, { status: "paid", paidAt: new Date() }, systemCtx);
    expect(invoice).toMatchObject({ subtotal: 9420, discountTotal: 897, total: 8523, amountPaid: 8523 });

    const pt = await renderInvoicePdf(invoice.id, "pt-BR");
    expect(pt.filename).toBe(`${invoice.displayNumber}.pdf`);
    expect(pt.buffer.subarray(0, 5).toString()).toBe("%PDF-");
    keep("receipt-pt-BR.pdf", pt.buffer);
    const ptText = await textOf(pt.buffer);
    for (const expected of [
      "RECIBO",
      invoice.displayNumber!,
      "PAGO",
      "Ana Açaí Comércio de Alimentos Ltda.",
      "CNPJ 45.997.418/0001-53",
      "Maria da Silva",
      "CPF 529.982.247-25",
      "Tigela de açaí 500 ml",
      "R$ 29,90",
      "Descontos (Cupom ACAI10)",
      "-R$ 8,97",
      "R$ 94,20",
      "R$ 85,23",
      "Cartão",
      "não é nota fiscal",
    ])
      expect(ptText).toContain(expected);

    const en = await renderInvoicePdf(invoice.id, "en");
    keep("receipt-en.pdf", en.buffer);
    const enText = await textOf(en.buffer);
    for (const expected of ["RECEIPT", "PAID", "CPF 529.982.247-25", "R$85.23", "Discounts (Coupon ACAI10)", "Card"])
      expect(enText).toContain(expected);
    expect(enText).not.toContain("PAGO");
  });

  it("an open BRL platform invoice carries a CRC-valid PIX code for its exact amount, txid = its number", async () => {
    const { store } = await sellerWithStore();
    const { invoice } = await issueInvoice(
      {
        issuer: "PLATFORM",
        storeId: store.id,
        sourceType: "plan",
        sourceId: `in_test_${store.id}`,
        currency: "BRL",
        lines: [
          {
            description: "Vitrine Pro (mensal)",
            quantity: 1,
            unitAmount: 14900,
            periodStart: new Date("2026-11-01T03:00:00Z"),
            periodEnd: new Date("2026-12-01T03:00:00Z"),
          },
        ],
        issuerDetails: platformParty(),
        customerDetails: await storeParty(prisma, store.id),
        dueDate: new Date(Date.now() + 3 * 86_400_000),
        hostedInvoiceUrl: "http://127.0.0.1:12111/invoice/in_test",
      },
      { status: "open" },
      systemCtx,
    );
    expect(invoice.displayNumber).toMatch(/^VIT-\d{4}-\d{6}$/);
    const pdf = await renderInvoicePdf(invoice.id, "pt-BR");
    keep("platform-open-pt-BR.pdf", pdf.buffer);
    const text = await textOf(pdf.buffer);
    for (const expected of [
      "FATURA",
      "EM ABERTO",
      "Vitrine Pagamentos Ltda.",
      "CNPJ 11.222.333/0001-81",
      "Pague com PIX",
      "R$ 149,00",
      "Valor a pagar",
      "Pagar on-line",
    ])
      expect(text).toContain(expected);
    // The copia e cola is printed in lines; joined back it is the code (spaces inside names kept).
    const brCode = /000201.*?6304[0-9A-F]{4}/.exec(text.replace(/\n/g, ""))?.[0] ?? "";
    expect(brCode).toBe((await platformInvoicePix({ invoiceId: invoice.id }))?.brCode);
    expect(crc16(brCode.slice(0, -4))).toBe(brCode.slice(-4));
    const parsed = parsePix(brCode);
    expect(hasError(parsed)).toBe(false);
    const txid = invoice.displayNumber!.replace(/-/g, "");
    expect(parsed).toMatchObject({ pixKey: "financeiro@vitrine.com.br", transactionAmount: 149, txid });
    expect(text).toContain(`Identificador (txid): ${txid}`);
    // pix-utils refuses the same code with one character changed.
    expect(hasError(parsePix(`${brCode.slice(0, 40)}X${brCode.slice(41)}`))).toBe(true);
  });

  it("the cache serves the same document warm and never the PDF of an earlier status", async () => {
    clearInvoicePdfCache();
    const { store } = await sellerWithStore();
    const { invoice } = await issueInvoice(await storeDraft(store.id), { status: "open" }, systemCtx);
    const load = () =>
      prisma.invoice.findUniqueOrThrow({
        where: { id: invoice.id },
        include: { lines: { orderBy: { position: "asc" } } },
      });
    const ctx = { pix: null, logo: null, creditedNumber: null, refunded: 0 };
    const cold = await renderPdfOf(await load(), "en", ctx);
    const warm = await renderPdfOf(await load(), "en", ctx);
    expect([cold.cached, warm.cached]).toEqual([false, true]);
    expect(await textOf(warm.buffer)).toContain("OPEN");

    await prisma.$transaction((tx) =>
      markPaidTx(tx, invoice.id, { paidAt: new Date(), paymentMethod: "pix" }, systemCtx),
    );
    const paid = await renderPdfOf(await load(), "en", ctx);
    expect(paid.cached).toBe(false);
    const text = await textOf(paid.buffer);
    expect(text).toContain("PAID");
    expect(text).not.toContain("OPEN");
  });

  it("void and overdue stamps, translated", async () => {
    const { store } = await sellerWithStore();
    const overdue = await issueInvoice(
      await storeDraft(store.id, { dueDate: new Date(Date.now() - 86_400_000), currency: "USD" }),
      { status: "open" },
      systemCtx,
    );
    const en = await textOf((await renderInvoicePdf(overdue.invoice.id, "en")).buffer);
    expect(en).toContain("OVERDUE");
    expect(en).toContain("$100.00");
    expect(await textOf((await renderInvoicePdf(overdue.invoice.id, "pt-BR")).buffer)).toContain("VENCIDO");

    await patchInvoice(overdue.invoice.id, { status: "void", voidedAt: new Date(), amountDue: 0 }, systemCtx);
    const voided = await renderInvoicePdf(overdue.invoice.id, "pt-BR");
    keep("void-pt-BR.pdf", voided.buffer);
    expect(await textOf(voided.buffer)).toContain("CANCELADO");
    expect(BUYER.taxId).toBe("52998224725");
  });

  it("prints an inline PNG logo; a logo URL is never fetched", async () => {
    expect(printableLogo("https://example.com/logo.png")).toBeNull();
    expect(printableLogo("data:image/svg+xml;base64,PHN2Zz4=")).toBeNull();
    const logo = await brCodeToPngDataUrl("Loja", 96);
    expect(printableLogo(logo)).toBe(logo);
    const { store } = await brazilianStore();
    await prisma.store.update({ where: { id: store.id }, data: { logoUrl: logo } });
    const { invoice } = await issueInvoice(
      await storeDraft(store.id),
      { status: "paid", paidAt: new Date() },
      systemCtx,
    );
    const withLogo = await renderInvoicePdf(invoice.id, "pt-BR");
    keep("logo-pt-BR.pdf", withLogo.buffer);
    expect(withLogo.buffer.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
    await prisma.store.update({ where: { id: store.id }, data: { logoUrl: "https://example.com/logo.png" } });
    clearInvoicePdfCache();
    const without = await renderInvoicePdf(invoice.id, "pt-BR");
    expect(without.buffer.toString("latin1")).not.toMatch(/\/Subtype\s*\/Image/);
  });
});
