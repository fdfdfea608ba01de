// Card installments and boleto on the Elements pay page, through the real public routes, the
// emulator and its webhooks delivered into the real webhook route: the plans the buyer sees are
// Stripe's for that card within the seller's caps, a tampered plan is refused, the chosen plan is
// recorded on the order and on Stripe's charge; a boleto paid days later pays once and tells the
// store once; an unpaid one ends expired.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { waitFor } from "../webhooks/support";
import { caller, jsonOf, params, storeSeller, useEmulatorWithWebhooks } from "../coupons/support";
import { POST as publicPayment } from "@/app/api/public/payment-intents/route";
import { POST as plansRoute } from "@/app/api/public/payment-intents/installments/route";
import { POST as confirmRoute } from "@/app/api/public/payment-intents/confirm/route";
import { POST as boletoRoute } from "@/app/api/public/payment-intents/boleto/route";
import { GET as settingsGet, PUT as settingsPut } from "@/app/api/v1/store/installments/route";
import { listOrders } from "@/lib/checkout/orders";
import { prisma } from "@/lib/db/client";

const buyer = caller({ origin: "http://localhost:3000" });
const RETURN_URL = "http://localhost:3000/receipt/x";

async function withEndpoint(storeId: string) {
  await prisma.callbackEndpoint.create({
    data: { storeId, url: "https://store.example.com/hooks", secretEnc: "test", secretPrefix: "whsec_te" },
  });
}

const paymentEvents = (storeId: string) =>
  prisma.callbackDelivery.findMany({
    where: { storeId, eventType: { startsWith: "payment." } },
    select: { eventType: true },
  });

async function startPayment(priceId: string, key: string) {
  const res = await jsonOf(
    await publicPayment(
      buyer("/api/public/payment-intents", "POST", { priceId }, { "idempotency-key": key }),
      params(),
    ),
  );
  expect(res.status).toBe(200);
  return res.body as { orderId: string; clientSecret: string; stripeAccount: string; methods: Record<string, boolean> };
}

describe("card installments on the Elements pay page", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();

  it("offers Stripe's plans within the seller's caps, refuses a tampered plan, records the chosen one once paid", async () => {
    const s = await storeSeller(stripe(), "inst", { prices: [{ unitAmount: 12990, currency: "BRL" }] });
    await withEndpoint(s.store.id);
    // The seller allows at most 6 installments of at least R$ 25,00.
    const saved = await jsonOf(
      await settingsPut(s.session("/api/v1/store/installments", "PUT", { maxCount: 6, minAmount: 2500 }), params()),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.installments).toMatchObject({ installmentsAvailable: true, boletoAvailable: true, maxCount: 6 });

    const pay = await startPayment(s.priceId, "inst-1");
    expect(pay.methods).toEqual({ installments: true, boleto: true });
    const pm = await stripe().stripe.paymentMethods.create(
      { type: "card", card: { number: "4000000760000002", exp_month: 12, exp_year: 2040, cvc: "123" } },
      { stripeAccount: pay.stripeAccount },
    );
    const plans = await jsonOf(
      await plansRoute(
        buyer("/api/public/payment-intents/installments", "POST", {
          clientSecret: pay.clientSecret,
          paymentMethod: pm.id,
        }),
        params(),
      ),
    );
    expect(plans.status).toBe(200);
    // Stripe offers 2..12; the cap keeps ≤ 6 and the minimum keeps R$ 129,90 / n ≥ R$ 25,00 → 2..5.
    expect(plans.body.plans).toEqual([
      { count: 2, amountPerInstallment: 6495 },
      { count: 3, amountPerInstallment: 4330 },
      { count: 4, amountPerInstallment: 3247 },
      { count: 5, amountPerInstallment: 2598 },
    ]);

    const confirm = (installments: number | null) =>
      confirmRoute(
        buyer("/api/public/payment-intents/confirm", "POST", {
          clientSecret: pay.clientSecret,
          paymentMethod: pm.id,
          installments,
          returnUrl: RETURN_URL,
        }),
        params(),
      );
    // Stripe would accept 12 for this card; the store does not.
    const tampered = await jsonOf(await confirm(12));
    expect([tampered.status, tampered.body.error.code]).toEqual([422, "installment_plan_not_allowed"]);
    const pi0 = await stripe().stripe.paymentIntents.retrieve(
      pay.clientSecret.split("_secret_")[0]!,
      {},
      { stripeAccount: pay.stripeAccount },
    );
    expect(pi0.status).not.toBe("succeeded");

    const paid = await jsonOf(await confirm(3));
    expect(paid.body).toEqual({ status: "succeeded", orderId: pay.orderId });
    const order = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } });
      return o.status === "PAID" && o;
    });
    expect(order).toMatchObject({ installmentsCount: 3, paymentMethodType: "card", amountTotal: 12990 });
    const pi = await stripe().stripe.paymentIntents.retrieve(
      order.paymentIntentId!,
      {},
      {
        stripeAccount: pay.stripeAccount,
      },
    );
    expect(pi.payment_method_options?.card?.installments?.plan).toMatchObject({ count: 3, type: "fixed_count" });
    const charge = await stripe().stripe.charges.retrieve(
      pi.latest_charge as string,
      {},
      {
        stripeAccount: pay.stripeAccount,
      },
    );
    expect(charge.payment_method_details?.card?.installments?.plan?.count).toBe(3);
    expect(charge.amount).toBe(12990);
    await waitFor(async () => (await paymentEvents(s.store.id)).length > 0);
    await new Promise((r) => setTimeout(r, 500));
    expect((await paymentEvents(s.store.id)).map((d) => d.eventType)).toEqual(["payment.succeeded"]);
  });

  it("offers no plan to a card from elsewhere, and none where Stripe has no installments (a USD store)", async () => {
    const s = await storeSeller(stripe(), "inst-us");
    const pay = await startPayment(s.priceId, "inst-us-1");
    const pm = await stripe().stripe.paymentMethods.create(
      { type: "card", card: { number: "4242424242424242", exp_month: 12, exp_year: 2040, cvc: "123" } },
      { stripeAccount: pay.stripeAccount },
    );
    const plans = await jsonOf(
      await plansRoute(
        buyer("/api/public/payment-intents/installments", "POST", {
          clientSecret: pay.clientSecret,
          paymentMethod: pm.id,
        }),
        params(),
      ),
    );
    expect(plans.body.plans).toEqual([]);

    const usd = await storeSeller(stripe(), "inst-usd", {
      account: { country: "US" },
      prices: [{ unitAmount: 10000, currency: "USD" }],
    });
    const settings = await jsonOf(await settingsGet(usd.session("/api/v1/store/installments"), params()));
    expect(settings.body.installments).toMatchObject({ installmentsAvailable: false, boletoAvailable: false });
    const usdPay = await startPayment(usd.priceId, "inst-usd-1");
    expect(usdPay.methods).toEqual({ installments: false, boleto: false });
  });
});

describe("boleto on the Elements pay page", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();

  const details = {
    name: "Maria Souza",
    email: "maria@example.com",
    taxId: "529.982.247-25",
    address: { line1: "Rua Augusta, 100", city: "São Paulo", state: "sp", postalCode: "01305-000" },
  };

  async function issue(clientSecret: string, body: Record<string, unknown> = details) {
    return jsonOf(
      await boletoRoute(buyer("/api/public/payment-intents/boleto", "POST", { clientSecret, ...body }), params()),
    );
  }

  it("a boleto paid days later pays once and tells the store once", async () => {
    const s = await storeSeller(stripe(), "bol");
    await withEndpoint(s.store.id);
    const pay = await startPayment(s.priceId, "bol-1");
    const badCpf = await issue(pay.clientSecret, { ...details, taxId: "111.111.111-11" });
    expect([badCpf.status, badCpf.body.error.code]).toEqual([422, "invalid_cpf"]);

    const issued = await issue(pay.clientSecret);
    expect(issued.status).toBe(200);
    expect(issued.body.voucher).toMatchObject({ orderId: pay.orderId, number: expect.stringMatching(/^\d{47}$/) });
    // Asking again shows the same voucher instead of issuing another.
    expect((await issue(pay.clientSecret)).body.voucher.number).toBe(issued.body.voucher.number);
    const awaiting = await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } });
    expect(awaiting).toMatchObject({
      status: "PENDING",
      paymentMethodType: "boleto",
      boletoNumber: issued.body.voucher.number,
      customerEmail: "maria@example.com",
    });
    expect(awaiting.submittedAt).not.toBeNull();
    // Awaiting payment, it lists for the seller.
    expect((await listOrders(s.store.id)).map((o) => o.id)).toContain(pay.orderId);

    const piId = pay.clientSecret.split("_secret_")[0]!;
    await stripe().controls.payBoleto(piId);
    await stripe().controls.advanceClock("1d");
    const paid = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } });
      return o.status === "PAID" && o;
    });
    expect(paid.amountTotal).toBe(10_000);
    // Stripe's events arriving again change nothing.
    const events = await stripe().stripe.events.list(
      { type: "payment_intent.succeeded", limit: 10 },
      { stripeAccount: pay.stripeAccount },
    );
    for (const e of events.data) await stripe().controls.resendEvent(e.id);
    await stripe().controls.advanceClock("3d");
    await new Promise((r) => setTimeout(r, 800));
    expect((await paymentEvents(s.store.id)).map((d) => d.eventType)).toEqual(["payment.succeeded"]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } })).status).toBe("PAID");
  });

  it("an unpaid boleto ends expired (not declined) and a closed payment cannot be tried again", async () => {
    const s = await storeSeller(stripe(), "bol-exp");
    const pay = await startPayment(s.priceId, "bol-exp-1");
    expect((await issue(pay.clientSecret)).status).toBe(200);
    await stripe().controls.advanceClock("4d");
    const expired = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } });
      return o.status === "EXPIRED" && o;
    });
    expect(expired.paidAt).toBeNull();
    const again = await issue(pay.clientSecret);
    expect([again.status, again.body.error.code]).toEqual([409, "payment_not_open"]);
    // The same tab coming back is told to start a new payment.
    const resumed = await jsonOf(
      await publicPayment(
        buyer("/api/public/payment-intents", "POST", { priceId: s.priceId }, { "idempotency-key": "bol-exp-1" }),
        params(),
      ),
    );
    expect([resumed.status, resumed.body.error.code]).toEqual([409, "payment_not_open"]);
  });

  it("is not offered outside Brazil/BRL", async () => {
    const usd = await storeSeller(stripe(), "bol-usd", {
      account: { country: "US" },
      prices: [{ unitAmount: 10000, currency: "USD" }],
    });
    const pay = await startPayment(usd.priceId, "bol-usd-1");
    const res = await issue(pay.clientSecret);
    expect([res.status, res.body.error.code]).toEqual([422, "boleto_not_available"]);
  });
});
