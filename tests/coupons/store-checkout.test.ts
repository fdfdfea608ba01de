// Store codes ("cupom de desconto") at a store's checkouts, through the real routes on the emulator
// with its webhooks delivered: on hosted Checkout (a code sent with the request, or typed on Stripe's
// page) and on the Elements pay page. The buyer pays the discounted total, the platform's fee is
// computed on it, and the code is counted once however often Stripe's events arrive.
import { describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { useTestDatabase } from "../support/db";
import { waitFor } from "../webhooks/support";
import {
  adminCaller,
  caller,
  jsonOf,
  params,
  platformCoupon,
  storeCoupon,
  storeSeller,
  useEmulatorWithWebhooks,
} from "./support";
import { POST as checkout } from "@/app/api/v1/checkout/sessions/route";
import { POST as publicPayment } from "@/app/api/public/payment-intents/route";
import { POST as publicCoupon } from "@/app/api/public/payment-intents/coupon/route";
import { applicationFeeAmount } from "@/lib/checkout/fees";
import { feeRateForStore } from "@/lib/checkout/sellable";
import { prisma } from "@/lib/db/client";

const buyer = caller({ origin: "http://localhost:3000" });

async function feeOn(storeId: string, amount: number) {
  return applicationFeeAmount(amount, "BRL", await feeRateForStore(storeId));
}

describe("store codes at checkout", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();

  it("a code sent with the Checkout request: the order, the session and the fee are on the discounted total; counted once", async () => {
    const s = await storeSeller(stripe(), "co-param");
    const coupon = await storeCoupon(s.api, { name: "Dez", percentOffBps: 1000, promotionCode: { code: "DEZOFF" } });
    const res = await jsonOf(
      await checkout(
        s.api("/api/v1/checkout/sessions", "POST", {
          priceId: s.priceId,
          promotionCode: "dezoff",
          customerEmail: "comprador@example.com",
        }),
        params(),
      ),
    );
    expect(res.status).toBe(201);
    const fee = await feeOn(s.store.id, 9000);
    expect(fee).toBeLessThan(await feeOn(s.store.id, 10_000));
    expect(res.body.order).toMatchObject({ amountTotal: 9000, applicationFeeAmount: fee });
    const account = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: s.store.id } })).accountId;
    const session = await stripe().stripe.checkout.sessions.retrieve(res.body.id, {}, { stripeAccount: account });
    expect(session.amount_total).toBe(9000);
    expect(session.discounts?.[0]?.promotion_code).toBe(coupon.promotionCodes[0].stripePromotionCodeId);
    // Reserved while the buyer pays.
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);

    await stripe().controls.completeCheckout(session.id, { card: "4242424242424242" });
    const order = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: res.body.order.id } });
      return o.status === "PAID" && o;
    });
    expect(order).toMatchObject({ amountTotal: 9000, applicationFeeAmount: fee });
    const pi = await stripe().stripe.paymentIntents.retrieve(order.paymentIntentId!, {}, { stripeAccount: account });
    expect(pi).toMatchObject({ amount: 9000, application_fee_amount: fee });
    await waitFor(() => prisma.couponRedemption.findFirst({ where: { couponId: coupon.id, status: "redeemed" } }));

    const completed = (
      await stripe().stripe.events.list({ type: "checkout.session.completed", limit: 20 }, { stripeAccount: account })
    ).data;
    for (const e of completed) await stripe().controls.resendEvent(e.id);
    await new Promise((r) => setTimeout(r, 1000));
    const rows = await prisma.couponRedemption.findMany({ where: { couponId: coupon.id } });
    expect(rows.map((r) => [r.targetId, r.status, r.amountOff, r.customerEmail])).toEqual([
      [order.id, "redeemed", 1000, "comprador@example.com"],
    ]);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
  });

  it("offers Stripe's code field only when the store has running codes; a code typed there is counted once", async () => {
    const s = await storeSeller(stripe(), "co-typed");
    const plain = await jsonOf(
      await checkout(s.api("/api/v1/checkout/sessions", "POST", { priceId: s.priceId }), params()),
    );
    const account = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: s.store.id } })).accountId;
    const before = await stripe().stripe.checkout.sessions.retrieve(plain.body.id, {}, { stripeAccount: account });
    expect(before.allow_promotion_codes).toBeFalsy();

    const coupon = await storeCoupon(s.api, {
      name: "Vinte",
      amountOff: 2000,
      currency: "BRL",
      promotionCode: { code: "VINTE" },
    });
    const res = await jsonOf(
      await checkout(s.api("/api/v1/checkout/sessions", "POST", { priceId: s.priceId }), params()),
    );
    const session = await stripe().stripe.checkout.sessions.retrieve(res.body.id, {}, { stripeAccount: account });
    expect(session.allow_promotion_codes).toBe(true);
    const done = await stripe().controls.completeCheckout(session.id, {
      card: "4242424242424242",
      promotion_code: "vinte",
    });
    expect(JSON.stringify(done)).not.toContain('"failed"');
    const order = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: res.body.order.id } });
      return o.status === "PAID" && o;
    });
    expect(order.amountTotal).toBe(8000);
    const redemption = await waitFor(() => prisma.couponRedemption.findFirst({ where: { couponId: coupon.id } }));
    expect(redemption).toMatchObject({ targetId: order.id, status: "redeemed", amountOff: 2000 });
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
  });

  it("refunds the application fee above the fee on the discounted total when the code was typed on Stripe's page", async () => {
    const s = await storeSeller(stripe(), "co-fee");
    await storeCoupon(s.api, { name: "Metade", percentOffBps: 5000, promotionCode: { code: "METADE" } });
    const res = await jsonOf(
      await checkout(s.api("/api/v1/checkout/sessions", "POST", { priceId: s.priceId }), params()),
    );
    expect(res.body.order.applicationFeeAmount).toBe(await feeOn(s.store.id, 10_000));
    const account = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: s.store.id } })).accountId;
    await stripe().controls.completeCheckout(res.body.id, { card: "4242424242424242", promotion_code: "METADE" });
    const due = await feeOn(s.store.id, 5000);
    const order = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: res.body.order.id } });
      return o.applicationFeeAmount === due && o;
    });
    const pi = await stripe().stripe.paymentIntents.retrieve(
      order.paymentIntentId!,
      { expand: ["latest_charge"] },
      { stripeAccount: account },
    );
    const feeId = (pi.latest_charge as Stripe.Charge).application_fee as string;
    const fee = await stripe().stripe.applicationFees.retrieve(feeId);
    expect(fee.amount - fee.amount_refunded).toBe(due);
  });

  it("refuses another store's code, a platform code and a purchase under the minimum, writing no order", async () => {
    const s = await storeSeller(stripe(), "co-refuse");
    const other = await storeSeller(stripe(), "co-other");
    await storeCoupon(other.api, { name: "Outra", percentOffBps: 1000, promotionCode: { code: "OUTRALOJA" } });
    await storeCoupon(s.api, {
      name: "Min",
      percentOffBps: 1000,
      promotionCode: { code: "MIN200", minimumAmount: 20_000 },
    });
    await platformCoupon((await adminCaller()).call, {
      name: "Plataforma",
      percentOffBps: 1000,
      promotionCode: { code: "PLATAFORMA" },
    });
    for (const [code, expected] of [
      ["OUTRALOJA", "coupon_not_found"],
      ["PLATAFORMA", "coupon_not_found"],
      ["MIN200", "coupon_minimum_amount"],
    ]) {
      const res = await jsonOf(
        await checkout(
          s.api("/api/v1/checkout/sessions", "POST", { priceId: s.priceId, promotionCode: code }),
          params(),
        ),
      );
      expect([code, res.body.error?.code]).toEqual([code, expected]);
    }
    expect(await prisma.order.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("on the Elements pay page the server re-prices the PaymentIntent and its fee; the buyer pays that, counted once", async () => {
    const s = await storeSeller(stripe(), "co-elements");
    const coupon = await storeCoupon(s.api, {
      name: "Cupom",
      percentOffBps: 1250,
      promotionCode: { code: "CUPOM125" },
    });
    const startReq = () =>
      buyer("/api/public/payment-intents", "POST", { priceId: s.priceId }, { "idempotency-key": "pay-page-1" });
    const started = await jsonOf(await publicPayment(startReq(), params()));
    expect(started.status).toBe(200);
    expect(started.body.amount).toBe(10_000);
    const secret = started.body.clientSecret as string;

    const wrong = await jsonOf(
      await publicCoupon(
        buyer("/api/public/payment-intents/coupon", "POST", {
          clientSecret: `${secret.split("_secret_")[0]}_secret_forged`,
          code: "CUPOM125",
        }),
        params(),
      ),
    );
    expect(wrong.status).toBe(404);
    const unknown = await jsonOf(
      await publicCoupon(
        buyer("/api/public/payment-intents/coupon", "POST", { clientSecret: secret, code: "NADA" }),
        params(),
      ),
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "coupon_not_found"]);

    const applied = await jsonOf(
      await publicCoupon(
        buyer("/api/public/payment-intents/coupon", "POST", { clientSecret: secret, code: "cupom125" }),
        params(),
      ),
    );
    expect(applied.status).toBe(200);
    // 12.5 % of R$ 100,00.
    expect(applied.body.payment).toMatchObject({
      amountSubtotal: 10_000,
      amountOff: 1250,
      amount: 8750,
      code: "CUPOM125",
    });
    const fee = await feeOn(s.store.id, 8750);
    const pi = await stripe().stripe.paymentIntents.retrieve(
      started.body.paymentIntentId ?? secret.split("_secret_")[0]!,
      {},
      { stripeAccount: started.body.stripeAccount },
    );
    expect(pi).toMatchObject({ amount: 8750, application_fee_amount: fee });

    // A reload resumes the same payment and shows the code.
    const reloaded = await jsonOf(await publicPayment(startReq(), params()));
    expect(reloaded.body).toMatchObject({
      amount: 8750,
      clientSecret: secret,
      discount: { code: "CUPOM125", amountOff: 1250 },
    });

    await stripe().stripe.paymentIntents.confirm(
      pi.id,
      { payment_method: "pm_card_visa" },
      { stripeAccount: started.body.stripeAccount },
    );
    const order = await waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: started.body.orderId } });
      return o.status === "PAID" && o;
    });
    expect(order).toMatchObject({ amountTotal: 8750, applicationFeeAmount: fee });
    await waitFor(() => prisma.couponRedemption.findFirst({ where: { couponId: coupon.id, status: "redeemed" } }));
    const succeeded = (
      await stripe().stripe.events.list(
        { type: "payment_intent.succeeded", limit: 20 },
        { stripeAccount: started.body.stripeAccount },
      )
    ).data;
    for (const e of succeeded) await stripe().controls.resendEvent(e.id);
    await new Promise((r) => setTimeout(r, 800));
    expect(await prisma.couponRedemption.count({ where: { couponId: coupon.id } })).toBe(1);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(1);
    // Paid: the code can no longer change.
    const late = await publicCoupon(
      buyer("/api/public/payment-intents/coupon", "POST", { clientSecret: secret, code: null }),
      params(),
    );
    expect(late.status).toBe(409);
  });

  it("removing the code on the pay page restores the price and gives the use back; a total below the minimum charge is refused", async () => {
    const s = await storeSeller(stripe(), "co-remove");
    const coupon = await storeCoupon(s.api, {
      name: "Quase tudo",
      amountOff: 9990,
      currency: "BRL",
      promotionCode: { code: "QUASE" },
    });
    await storeCoupon(s.api, { name: "Cinco", amountOff: 500, currency: "BRL", promotionCode: { code: "CINCO" } });
    const started = await jsonOf(
      await publicPayment(buyer("/api/public/payment-intents", "POST", { priceId: s.priceId }), params()),
    );
    const secret = started.body.clientSecret as string;
    const tooMuch = await jsonOf(
      await publicCoupon(
        buyer("/api/public/payment-intents/coupon", "POST", { clientSecret: secret, code: "QUASE" }),
        params(),
      ),
    );
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([422, "amount_below_minimum"]);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { id: coupon.id } })).timesRedeemed).toBe(0);

    await publicCoupon(
      buyer("/api/public/payment-intents/coupon", "POST", { clientSecret: secret, code: "CINCO" }),
      params(),
    );
    const removed = await jsonOf(
      await publicCoupon(
        buyer("/api/public/payment-intents/coupon", "POST", { clientSecret: secret, code: null }),
        params(),
      ),
    );
    expect(removed.body.payment).toMatchObject({ amount: 10_000, amountOff: 0, code: null });
    const pi = await stripe().stripe.paymentIntents.retrieve(
      secret.split("_secret_")[0]!,
      {},
      { stripeAccount: started.body.stripeAccount },
    );
    expect(pi.amount).toBe(10_000);
    const cinco = await prisma.promotionCode.findFirstOrThrow({
      where: { code: "CINCO", scopeKey: s.store.id },
      include: { coupon: true },
    });
    expect(cinco.coupon.timesRedeemed).toBe(0);
    expect(cinco.timesRedeemed).toBe(0);
  });
});
