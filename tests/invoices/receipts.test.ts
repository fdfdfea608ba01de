// Store documents issued by the invoices job from real payments: a card order paid on the Stripe
// emulator and partly refunded, a PIX charge paid on the simulator and partly returned (devolução),
// and an open store invoice paid from its own PIX code. The job runs twice each time: one receipt,
// one credit note per refund, an invoice marked paid once.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellingSeller, systemCtx } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { addGateway, BUYER, passReadBudget, pixSeller, usePixSimulator, type PixSeller } from "../pix/support";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { prisma } from "@/lib/db/client";
import { issueDueDocuments } from "@/lib/invoices/job";
import { createStoreInvoice } from "@/lib/invoices/manual";
import { partyOf } from "@/lib/invoices/parties";
import { CreateInvoiceInput } from "@/lib/invoices/schemas";
import { invoicePixForStore } from "@/lib/invoices/views";
import { createPixCharge } from "@/lib/pix/service/charges";
import { refundPixCharge } from "@/lib/pix/service/refunds";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";

async function twice() {
  const first = await issueDueDocuments();
  const second = await issueDueDocuments();
  expect(Object.values(second).every((n) => n === 0)).toBe(true);
  return first;
}

describe("store receipts and credit notes", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  const pix = usePixSimulator();
  let bcb: PixSeller;
  let push: PixSeller;

  beforeAll(async () => {
    bcb = await pixSeller("rcpt-bcb");
    push = await pixSeller("rcpt-push");
    await addGateway(bcb, "bcb");
    await addGateway(push, "pushinpay");
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  it("a paid card order gets one receipt; a partial refund one partial credit note; the rest another", async () => {
    const { store, priceId } = await sellingSeller(stripe(), { tag: "rcpt", storeName: "Loja Cartão" });
    const pay = await createPaymentIntent(
      store.id,
      BuyerInput.parse({ priceId, quantity: 2, customerEmail: "comprador@example.com" }),
      { audit: systemCtx },
    );
    const opts = { stripeAccount: pay.stripeAccount };
    await stripe().stripe.paymentIntents.confirm(pay.paymentIntentId, { payment_method: "pm_card_visa" }, opts);
    await syncStripeEvents({ lookbackMinutes: 60 });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status).toBe("PAID");

    expect((await twice()).orders).toBe(1);
    const receipt = await prisma.invoice.findFirstOrThrow({
      where: { issuer: "STORE", sourceType: "order", sourceId: pay.orderId },
      include: { lines: true },
    });
    expect(receipt).toMatchObject({
      storeId: store.id,
      status: "paid",
      kind: "INVOICE",
      currency: "BRL",
      total: 20000,
      amountPaid: 20000,
      paymentMethod: "card",
      number: 1,
    });
    expect(receipt.lines[0]).toMatchObject({ description: "Item", quantity: 2, unitAmount: 10000, amount: 20000 });
    expect(partyOf(receipt.customerDetails).email).toBe("comprador@example.com");

    await stripe().stripe.refunds.create({ payment_intent: pay.paymentIntentId, amount: 3000 }, opts);
    await syncStripeEvents({ lookbackMinutes: 60 });
    expect((await twice()).creditNotes).toBe(1);
    await stripe().stripe.refunds.create({ payment_intent: pay.paymentIntentId }, opts);
    await syncStripeEvents({ lookbackMinutes: 60 });
    expect((await twice()).creditNotes).toBe(1);

    const notes = await prisma.invoice.findMany({
      where: { creditedInvoiceId: receipt.id },
      include: { lines: true },
      orderBy: { number: "asc" },
    });
    expect(notes.map((n) => [n.kind, n.total, n.series, n.number])).toEqual([
      ["CREDIT_NOTE", 3000, `store:${store.id}:cn`, 1],
      ["CREDIT_NOTE", 17000, `store:${store.id}:cn`, 2],
    ]);
    expect(notes[0]!.displayNumber).toMatch(/-NC-000001$/);
    expect(notes[0]!.lines[0]!.description).toBe(`Reembolso parcial de ${receipt.displayNumber}`);
    expect(notes[0]!.customerDetails).toEqual(receipt.customerDetails);
    // The receipt itself never changed.
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: receipt.id } })).toMatchObject({
      status: "paid",
      total: 20000,
      contentHash: receipt.contentHash,
    });
  });

  it("a paid PIX charge gets a receipt with the buyer's CPF; a partial devolução a credit note", async () => {
    const view = await createPixCharge(bcb.store.id, bcb.audit, {
      amountCentavos: 4990,
      description: "Camiseta azul M",
      orderId: "pedido-77",
      customer: BUYER,
    });
    const charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    await pix.sim().markPaid("bcb", charge.transactionId!);
    expect((await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } })).status).toBe("paid");

    expect((await twice()).pix).toBe(1);
    const receipt = await prisma.invoice.findFirstOrThrow({
      where: { issuer: "STORE", sourceType: "pix_charge", sourceId: view.id },
      include: { lines: true },
    });
    expect(receipt).toMatchObject({ status: "paid", total: 4990, paymentMethod: "pix", currency: "BRL" });
    expect(receipt.lines[0]!.description).toBe("Camiseta azul M");
    expect(partyOf(receipt.customerDetails)).toMatchObject({
      name: "Maria da Silva",
      taxId: "12345678909",
      taxIdType: "cpf",
    });

    await passReadBudget(view.id);
    await refundPixCharge(bcb.store.id, bcb.audit, view.id, { amountCentavos: 1000, reason: "Troca" });
    expect((await twice()).creditNotes).toBe(1);
    const note = await prisma.invoice.findFirstOrThrow({ where: { creditedInvoiceId: receipt.id } });
    expect(note).toMatchObject({ kind: "CREDIT_NOTE", total: 1000, paymentMethod: "pix", status: "paid" });
  });

  it("an open store invoice carries a PIX code from the store's gateway; paying it marks the invoice paid once, no extra receipt", async () => {
    const { invoice } = await createStoreInvoice(
      push.store.id,
      push.audit,
      CreateInvoiceInput.parse({
        customer: { name: "Maria da Silva", taxIdType: "cpf", taxId: "529.982.247-25" },
        lines: [{ description: "Mensalidade dezembro", unitAmount: 15000 }],
      }),
    );
    const code = await invoicePixForStore(push.store.id, invoice.id);
    expect(code).toMatchObject({ amountMinor: 15000 });
    expect(code!.brCode).toMatch(/^000201/);
    // Asking again reuses the same charge.
    expect((await invoicePixForStore(push.store.id, invoice.id))!.brCode).toBe(code!.brCode);
    const linked = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id: linked.pixChargeId! } });
    expect(charge).toMatchObject({ amountCentavos: 15000, externalOrderId: invoice.displayNumber, status: "pending" });

    await pix.sim().markPaid("pushinpay", charge.transactionId!);
    expect((await prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } })).status).toBe("paid");
    const report = await twice();
    expect(report).toMatchObject({ pixSettled: 1, pix: 0 });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "paid",
      paymentMethod: "pix",
      amountPaid: 15000,
      amountDue: 0,
    });
    expect(await prisma.invoice.count({ where: { sourceType: "pix_charge", sourceId: charge.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { targetId: invoice.id, action: "invoice.paid" } })).toBe(1);
    expect(await invoicePixForStore(push.store.id, invoice.id)).toBeNull();
  });
});
