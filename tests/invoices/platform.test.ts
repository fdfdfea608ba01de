// Platform invoices mirrored from the Stripe emulator through the real recovery sync (the same
// handlers as the webhook): numbered once, lines and coupon discounts from Stripe, status followed
// forward (open after a failed renewal → paid), and credit purchases as paid invoices.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { prisma } from "@/lib/db/client";
import { issueDueDocuments } from "@/lib/invoices/job";
import { partyOf } from "@/lib/invoices/parties";
import { recordPlatformPixPayment } from "@/lib/invoices/pix";
import { pixTxidOf } from "@/lib/invoices/numbering";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";

describe("platform invoices mirrored from Stripe", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  let priceId: string;

  beforeAll(async () => {
    const price = await stripe().stripe.prices.create({
      currency: "brl",
      unit_amount: 14900,
      recurring: { interval: "month" },
      product_data: { name: "Vitrine Pro" },
    });
    priceId = price.id;
  });

  it("a subscription's invoices: paid with a coupon, then a failed renewal open, then paid — one number each", async () => {
    const { store } = await sellerWithStore({ storeName: "Loja Pro" });
    await prisma.store.update({
      where: { id: store.id },
      data: { legalName: "Loja Pro Comércio Ltda.", taxId: "11222333000181", taxIdType: "cnpj" },
    });
    const s = stripe().stripe;
    const customer = await s.customers.create({ email: "pro@example.com", metadata: { storeId: store.id } });
    await prisma.store.update({ where: { id: store.id }, data: { platformCustomerId: customer.id } });
    const visa = await s.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const coupon = await s.coupons.create({ percent_off: 10, duration: "once", name: "Boas-vindas" });
    const sub = await s.subscriptions.create({
      customer: customer.id,
      items: [{ price: priceId }],
      default_payment_method: visa.id,
      discounts: [{ coupon: coupon.id }],
      metadata: { storeId: store.id, planCode: "pro" },
    });

    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    const first = await prisma.invoice.findFirstOrThrow({
      where: { storeId: store.id, issuer: "PLATFORM" },
      include: { lines: true },
    });
    const stripeFirst = await s.invoices.retrieve(first.stripeInvoiceId!);
    expect(stripeFirst.parent?.subscription_details?.subscription).toBe(sub.id);
    expect(first).toMatchObject({
      sourceType: "plan",
      status: "paid",
      currency: "BRL",
      subtotal: 14900,
      discountTotal: 1490,
      total: 13410,
      amountPaid: 13410,
      paymentMethod: "card",
      series: "platform",
    });
    expect(first.displayNumber).toMatch(/^VIT-\d{4}-000001$/);
    expect(first.discounts).toEqual([{ name: "Boas-vindas", code: null, amount: 1490 }]);
    expect(first.lines).toHaveLength(1);
    expect(first.lines[0]).toMatchObject({ quantity: 1, unitAmount: 14900, discountAmount: 1490, amount: 13410 });
    expect(partyOf(first.customerDetails)).toMatchObject({
      legalName: "Loja Pro Comércio Ltda.",
      taxId: "11222333000181",
    });
    expect(partyOf(first.issuerDetails)).toMatchObject({ legalName: "Vitrine Pagamentos Ltda." });

    // The renewal fails: the card now declines every charge.
    const failing = await s.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    await s.subscriptions.update(sub.id, { default_payment_method: failing.id });
    await stripe().controls.advanceClock("32d");
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    const renewal = await prisma.invoice.findFirstOrThrow({
      where: { storeId: store.id, issuer: "PLATFORM", id: { not: first.id } },
    });
    expect(renewal).toMatchObject({ status: "open", total: 14900, amountDue: 14900, amountPaid: 0 });
    expect(renewal.displayNumber).toMatch(/-000002$/);
    expect(renewal.hostedInvoiceUrl).toMatch(/\/invoice\/in_/);

    // Paid by another card; replays and the sync again change nothing more.
    await s.invoices.pay(renewal.stripeInvoiceId!, { payment_method: visa.id });
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    const paid = await prisma.invoice.findUniqueOrThrow({ where: { id: renewal.id } });
    expect(paid).toMatchObject({ status: "paid", amountDue: 0, amountPaid: 14900, number: renewal.number });
    expect(await prisma.invoice.count({ where: { storeId: store.id, issuer: "PLATFORM" } })).toBe(2);
    const actions = (await prisma.auditLog.findMany({ where: { targetId: renewal.id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["invoice.issued", "invoice.paid"]);

    // The seller is told of each new invoice once (the outbox row is written with the invoice).
    const told = await prisma.notification.findMany({ where: { storeId: store.id, event: "invoice_issued" } });
    expect(told.map((n) => (n.payload as { invoiceId: string }).invoiceId).sort()).toEqual(
      [first.id, renewal.id].sort(),
    );
    expect(told.every((n) => n.channel === "email")).toBe(true);
    expect(told.find((n) => (n.payload as { invoiceId: string }).invoiceId === renewal.id)?.payload).toMatchObject({
      number: renewal.displayNumber,
      amountMinor: 14900,
      currency: "BRL",
      attachPdf: true,
    });
  });

  it("a voided invoice is void here too; another customer's invoices are not ours", async () => {
    const { store } = await sellerWithStore();
    const s = stripe().stripe;
    const customer = await s.customers.create({ email: "void@example.com" });
    await prisma.store.update({ where: { id: store.id }, data: { platformCustomerId: customer.id } });
    const failing = await s.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    const sub = await s.subscriptions
      .create({
        customer: customer.id,
        items: [{ price: priceId }],
        default_payment_method: failing.id,
        payment_behavior: "allow_incomplete",
      })
      .catch(() => null);
    const stranger = await s.customers.create({ email: "stranger@example.com" });
    await s.paymentMethods.attach("pm_card_visa", { customer: stranger.id });
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    const open = await prisma.invoice.findFirstOrThrow({ where: { storeId: store.id, issuer: "PLATFORM" } });
    expect(open.status).toBe("open");
    await s.invoices.voidInvoice(open.stripeInvoiceId!);
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      status: "void",
      amountDue: 0,
    });
    expect(sub === null || typeof sub.id === "string").toBe(true);
    expect(
      await prisma.invoice.count({
        where: { issuer: "PLATFORM", customerDetails: { path: ["email"], equals: "stranger@example.com" } },
      }),
    ).toBe(0);
  });

  it("a succeeded credit purchase becomes one paid platform invoice, however often the job runs", async () => {
    const { store } = await sellerWithStore();
    const purchase = await prisma.creditPurchase.create({
      data: {
        storeId: store.id,
        credits: 100,
        amount: 5000,
        currency: "BRL",
        customerId: "cus_test",
        status: "SUCCEEDED",
        creditedAt: new Date(),
      },
    });
    await issueDueDocuments();
    await issueDueDocuments();
    const invoices = await prisma.invoice.findMany({
      where: { issuer: "PLATFORM", sourceType: "credits", sourceId: purchase.id },
      include: { lines: true },
    });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ status: "paid", total: 5000, amountPaid: 5000, paymentMethod: "card" });
    expect(invoices[0]!.lines[0]!.description).toBe("100 créditos Vitrine");

    // A partial refund of the purchase: one credit note for the refunded amount.
    await prisma.creditPurchase.update({ where: { id: purchase.id }, data: { refundedAmount: 2000 } });
    await issueDueDocuments();
    await issueDueDocuments();
    const notes = await prisma.invoice.findMany({ where: { creditedInvoiceId: invoices[0]!.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "CREDIT_NOTE", total: 2000, series: "platform:cn", status: "paid" });
    expect(notes[0]!.displayNumber).toMatch(/^VIT-NC-\d{4}-\d{6}$/);
  });

  it("a PIX payment recorded for an open plan invoice is told to Stripe (paid out of band): Stripe stops retrying, ours stays paid by PIX", async () => {
    const { store } = await sellerWithStore();
    const s = stripe().stripe;
    const customer = await s.customers.create({ email: "pix-plan@example.com" });
    await prisma.store.update({ where: { id: store.id }, data: { platformCustomerId: customer.id } });
    const failing = await s.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    await s.subscriptions
      .create({
        customer: customer.id,
        items: [{ price: priceId }],
        default_payment_method: failing.id,
        payment_behavior: "allow_incomplete",
      })
      .catch(() => null);
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    const open = await prisma.invoice.findFirstOrThrow({ where: { storeId: store.id, issuer: "PLATFORM" } });
    expect(open).toMatchObject({ status: "open", amountDue: 14900 });

    const paidAt = new Date();
    const result = await recordPlatformPixPayment(
      {
        txid: pixTxidOf(open.displayNumber!),
        amountMinor: 14900,
        paidAt,
        endToEndId: "E00000000202612010000000000000PX",
      },
      { actor: { type: "user", id: "admin" } },
    );
    expect(result.changed).toBe(true);
    expect((await s.invoices.retrieve(open.stripeInvoiceId!)).status).toBe("paid");
    await syncStripeEvents({ lookbackMinutes: 60 * 24 * 90 });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({
      status: "paid",
      paymentMethod: "pix",
      amountPaid: 14900,
    });
    expect(await prisma.auditLog.count({ where: { targetId: open.id, action: "invoice.paid" } })).toBe(1);
  });
});
