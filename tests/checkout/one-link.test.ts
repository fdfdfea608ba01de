// One buy link per price (issue #17): the same price paid by card, by boleto and by PIX through the
// real public routes, the Stripe emulator (webhooks into the real routes) and the PIX simulator.
// Each pays once and calls the store once with its `method`; quantity × store code is priced by the
// server for every method; a quantity over the product's limit and a tampered amount are refused.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { waitFor } from "../webhooks/support";
import { caller, jsonOf, params, storeCoupon, storeSeller, useEmulatorWithWebhooks } from "../coupons/support";
import { addGateway, usePixSimulator, type PixSeller } from "../pix/support";
import { POST as publicPayment } from "@/app/api/public/payment-intents/route";
import { POST as quantityRoute } from "@/app/api/public/payment-intents/quantity/route";
import { POST as couponRoute } from "@/app/api/public/payment-intents/coupon/route";
import { POST as confirmRoute } from "@/app/api/public/payment-intents/confirm/route";
import { POST as boletoRoute } from "@/app/api/public/payment-intents/boleto/route";
import { POST as pixRoute } from "@/app/api/public/pix/price-charges/route";
import { POST as customerRoute } from "@/app/api/public/pix/charges/[id]/customer/route";
import { prisma } from "@/lib/db/client";
import { listPayments } from "@/lib/payments/list";
import { ListPaymentsQuery } from "@/lib/payments/schemas";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { clearTokenCache } from "@/lib/pix/token-cache";

const buyer = caller({ origin: "http://localhost:3000" });
const UNIT = 5000;

async function seller(stripe: Parameters<typeof storeSeller>[0], tag: string, gateway: "pushinpay" | "paradise") {
  const s = await storeSeller(stripe, tag, { prices: [{ unitAmount: UNIT, currency: "BRL" }] });
  await prisma.product.update({ where: { id: s.product.id }, data: { maxQuantity: 3 } });
  await prisma.callbackEndpoint.create({
    data: { storeId: s.store.id, url: "https://store.example.com/hooks", secretEnc: "test", secretPrefix: "whsec_te" },
  });
  await addGateway(s as unknown as PixSeller, gateway);
  // 10% off with the code DEZ.
  await storeCoupon(s.api, { name: "Dez", percentOffBps: 1000, promotionCode: { code: "DEZ" } });
  return s;
}

const post = async (route: typeof publicPayment, path: string, body: unknown, headers: Record<string, string> = {}) =>
  jsonOf(await route(buyer(path, "POST", body, { origin: process.env.APP_URL ?? "", ...headers }), params()));

async function startCard(priceId: string, key: string) {
  const res = await post(publicPayment, "/api/public/payment-intents", { priceId }, { "idempotency-key": key });
  expect(res.status).toBe(200);
  return res.body as { orderId: string; clientSecret: string; stripeAccount: string; amount: number };
}

const callbacksOf = async (storeId: string) =>
  (
    await prisma.callbackDelivery.findMany({
      where: { storeId, eventType: { startsWith: "payment." } },
      orderBy: { createdAt: "asc" },
    })
  ).map((d) => ({ type: d.eventType, data: (d.payload as { data: Record<string, unknown> }).data }));

describe("one buy link: card, boleto and PIX", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();
  const pix = usePixSimulator();
  beforeEach(() => {
    process.env.RATE_LIMIT_CHECKOUT = "100000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  it("the same price paid by card, by boleto and by PIX: each priced quantity × code on the server, paid once, one callback with its method", async () => {
    const s = await seller(stripe(), "one", "pushinpay");
    // 2 × R$ 50,00 − 10% = R$ 90,00 for every method.
    const expected = 2 * UNIT - (2 * UNIT) / 10;

    // Card: quantity then code, both re-price the PaymentIntent; the buyer never sends an amount.
    const card = await startCard(s.priceId, "one-card");
    expect(card.amount).toBe(UNIT);
    const q = await post(quantityRoute, "/api/public/payment-intents/quantity", {
      clientSecret: card.clientSecret,
      quantity: 2,
    });
    expect([q.status, q.body.payment.amount]).toEqual([200, 2 * UNIT]);
    const c = await post(couponRoute, "/api/public/payment-intents/coupon", {
      clientSecret: card.clientSecret,
      code: "DEZ",
    });
    expect([c.status, c.body.payment.amount, c.body.payment.quantity]).toEqual([200, expected, 2]);
    const pm = await stripe().stripe.paymentMethods.create(
      { type: "card", card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" } },
      { stripeAccount: card.stripeAccount },
    );
    const confirmed = await post(confirmRoute, "/api/public/payment-intents/confirm", {
      clientSecret: card.clientSecret,
      paymentMethod: pm.id,
      installments: null,
      returnUrl: "http://localhost:3000/receipt/x",
    });
    expect(confirmed.body.status).toBe("succeeded");
    const paidCard = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: card.orderId } });
      return o.status === "PAID" && o;
    });
    expect(paidCard).toMatchObject({ amountTotal: expected, quantity: 2, paymentMethodType: "card" });
    const cardPi = await stripe().stripe.paymentIntents.retrieve(
      paidCard.paymentIntentId!,
      {},
      { stripeAccount: card.stripeAccount },
    );
    expect([cardPi.amount, cardPi.amount_received]).toEqual([expected, expected]);

    // Boleto: the same link, quantity and code; the emulator pays it the next day.
    const bol = await startCard(s.priceId, "one-boleto");
    await post(quantityRoute, "/api/public/payment-intents/quantity", { clientSecret: bol.clientSecret, quantity: 2 });
    await post(couponRoute, "/api/public/payment-intents/coupon", { clientSecret: bol.clientSecret, code: "DEZ" });
    const issued = await post(boletoRoute, "/api/public/payment-intents/boleto", {
      clientSecret: bol.clientSecret,
      name: "Maria Souza",
      email: "maria@example.com",
      taxId: "529.982.247-25",
      address: { line1: "Rua Augusta, 100", city: "São Paulo", state: "SP", postalCode: "01305-000" },
    });
    expect(issued.status).toBe(200);
    await stripe().controls.payBoleto(bol.clientSecret.split("_secret_")[0]!);
    await stripe().controls.advanceClock("1d");
    const paidBoleto = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: bol.orderId } });
      return o.status === "PAID" && o;
    });
    expect(paidBoleto).toMatchObject({ amountTotal: expected, quantity: 2, paymentMethodType: "boleto" });

    // PIX: the same link; the charge is priced by the server and linked to the price.
    const view = { "idempotency-key": "one-pix-view" };
    const made = await post(
      pixRoute,
      "/api/public/pix/price-charges",
      { priceId: s.priceId, quantity: 2, code: "DEZ" },
      view,
    );
    expect(made.status).toBe(200);
    expect(made.body.charge).toMatchObject({ amountCentavos: expected, quantity: 2, status: "pending" });
    // The same page view asking again (double click, reload) gets the same charge.
    const again = await post(
      pixRoute,
      "/api/public/pix/price-charges",
      { priceId: s.priceId, quantity: 2, code: "DEZ" },
      view,
    );
    expect(again.body.charge.id).toBe(made.body.charge.id);
    const row = await prisma.pixCharge.findUniqueOrThrow({ where: { id: made.body.charge.id } });
    expect(row).toMatchObject({
      priceId: s.priceId,
      quantity: 2,
      amountCentavos: expected,
      amountSubtotalCentavos: 2 * UNIT,
      discountCode: "DEZ",
      discountCentavos: UNIT / 5,
      gateway: "pushinpay",
    });
    expect(
      pix
        .sim()
        .charges("pushinpay")
        .filter((x) => x.id === row.transactionId),
    ).toHaveLength(1);
    await pix.sim().markPaid("pushinpay", row.transactionId!);
    expect((await prisma.pixCharge.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("paid");
    // The code's use on the PIX charge is counted for good once it is paid.
    expect(
      await prisma.couponRedemption.findMany({
        where: { targetType: "pix_charge", targetId: row.id },
        select: { status: true },
      }),
    ).toEqual([{ status: "redeemed" }]);

    await new Promise((r) => setTimeout(r, 500));
    const calls = await callbacksOf(s.store.id);
    expect(calls.map((x) => [x.type, x.data.provider, x.data.method, x.data.amount, x.data.quantity])).toEqual([
      ["payment.succeeded", "stripe", "card", expected, 2],
      ["payment.succeeded", "stripe", "boleto", expected, 2],
      ["payment.succeeded", "pix", "pix", expected, 2],
    ]);
    expect(calls.every((x) => x.data.priceId === s.priceId)).toBe(true);

    // The seller's history says how each was paid; a buyer who only looked (a pay-page draft) is not listed.
    await startCard(s.priceId, "one-just-looking");
    const history = await listPayments(
      { id: s.store.id, currency: "BRL", timeZone: "America/Sao_Paulo" },
      ListPaymentsQuery.parse({ limit: 10 }),
    );
    // Each row names the product and how many, whatever the method.
    const item = `${s.product.name} × 2`;
    expect(history.data.map((p) => [p.paidWith, p.status, p.amount, p.description]).sort()).toEqual([
      ["boleto", "paid", expected, item],
      ["card", "paid", expected, item],
      ["pix", "paid", expected, item],
    ]);
  });

  it("refuses a quantity over the product's limit and any amount sent by the buyer, for every method", async () => {
    const s = await seller(stripe(), "one-limits", "pushinpay");
    const card = await startCard(s.priceId, "limits-card");
    const over = await post(quantityRoute, "/api/public/payment-intents/quantity", {
      clientSecret: card.clientSecret,
      quantity: 4,
    });
    expect([over.status, over.body.error.code, over.body.error.param]).toEqual([
      422,
      "quantity_above_limit",
      "quantity",
    ]);
    const pixOver = await post(
      pixRoute,
      "/api/public/pix/price-charges",
      { priceId: s.priceId, quantity: 4 },
      { "idempotency-key": "limits-pix" },
    );
    expect([pixOver.status, pixOver.body.error.code]).toEqual([422, "quantity_above_limit"]);

    // A tampered total: the routes take no amount at all.
    const tamperedPix = await post(
      pixRoute,
      "/api/public/pix/price-charges",
      { priceId: s.priceId, quantity: 1, amountCentavos: 100 },
      { "idempotency-key": "limits-pix-2" },
    );
    expect(tamperedPix.status).toBe(422);
    const tamperedCard = await post(quantityRoute, "/api/public/payment-intents/quantity", {
      clientSecret: card.clientSecret,
      quantity: 1,
      amount: 100,
    });
    expect(tamperedCard.status).toBe(422);
    const tamperedStart = await post(
      publicPayment,
      "/api/public/payment-intents",
      { priceId: s.priceId, amount: 100 },
      { "idempotency-key": "limits-card-2" },
    );
    expect(tamperedStart.status).toBe(422);
    expect(await prisma.pixCharge.count({ where: { storeId: s.store.id } })).toBe(0);
    const pi = await stripe().stripe.paymentIntents.retrieve(
      card.clientSecret.split("_secret_")[0]!,
      {},
      { stripeAccount: card.stripeAccount },
    );
    expect(pi.amount).toBe(UNIT);

    // A product left at 1 takes no quantity.
    await prisma.product.update({ where: { id: s.product.id }, data: { maxQuantity: 1 } });
    const two = await post(quantityRoute, "/api/public/payment-intents/quantity", {
      clientSecret: card.clientSecret,
      quantity: 2,
    });
    expect([two.status, two.body.error.code]).toEqual([422, "quantity_above_limit"]);
  });

  it("asks for CPF only when the store's PIX gateway needs it; no PIX without an active gateway", async () => {
    const s = await seller(stripe(), "one-cpf", "paradise");
    const made = await post(
      pixRoute,
      "/api/public/pix/price-charges",
      { priceId: s.priceId, quantity: 1 },
      { "idempotency-key": "cpf-view" },
    );
    expect(made.body.charge).toMatchObject({ status: "awaiting_customer", amountCentavos: UNIT });
    const id = made.body.charge.id as string;
    const give = async (document: string) =>
      jsonOf(
        await customerRoute(
          buyer(
            `/api/public/pix/charges/${id}/customer`,
            "POST",
            { name: "Maria da Silva", email: "maria@example.com", document, phone: "11988887777" },
            { origin: process.env.APP_URL ?? "" },
          ),
          params({ id }),
        ),
      );
    const bad = await give("111.111.111-11");
    expect([bad.status, bad.body.error.code]).toEqual([422, "invalid_cpf"]);
    expect((await give("529.982.247-25")).status).toBe(200);
    expect(await prisma.pixCharge.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "pending",
      gateway: "paradise",
      priceId: s.priceId,
    });

    // A store without an active PIX gateway: its link offers no PIX.
    const cardOnly = await storeSeller(stripe(), "one-card-only");
    const none = await post(
      pixRoute,
      "/api/public/pix/price-charges",
      { priceId: cardOnly.priceId, quantity: 1 },
      { "idempotency-key": "card-only-view" },
    );
    expect([none.status, none.body.error.code]).toEqual([422, "pix_not_available"]);
  });
});
