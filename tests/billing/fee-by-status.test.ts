// The fee on each sale comes from the store's effective plan. A live paid plan (active, trialing)
// pays its own rate, the chosen Free plan pays Free's, and every lapsed status — or no plan at all —
// pays Free's too: never the old 2.5 % default, never anything cheaper than Free. Proven through the
// real PaymentIntent route: the fee Stripe (the emulator) is told to take for a R$ 100,00 sale.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { sellingSeller } from "../support/seller";
import { POST as createPaymentIntentRoute } from "@/app/api/v1/payment-intents/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { effectivePlan } from "@/lib/billing/entitlements";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { applicationFeeAmount } from "@/lib/checkout/fees";
import { feeRateForStore } from "@/lib/checkout/sellable";
import { prisma } from "@/lib/db/client";

const STATUSES = [
  "active",
  "trialing",
  "free",
  "past_due",
  "canceled",
  "incomplete",
  "incomplete_expired",
  "unpaid",
  "paused",
  "none",
] as const;

// R$ 100,00 on Starter: 2.99 % = 299 + R$ 0,39 = 338. On Free: 4.99 % = 499 + R$ 0,50 = 549.
const STARTER_FEE = 338;
const FREE_FEE = 549;
const EXPECTED: Record<(typeof STATUSES)[number], number> = {
  active: STARTER_FEE,
  trialing: STARTER_FEE,
  free: FREE_FEE,
  past_due: FREE_FEE,
  canceled: FREE_FEE,
  incomplete: FREE_FEE,
  incomplete_expired: FREE_FEE,
  unpaid: FREE_FEE,
  paused: FREE_FEE,
  none: FREE_FEE,
};

describe("the fee on each sale for every subscription status", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("charges the plan's rate only while it is live, Free's otherwise, and nothing below Free without a live paid plan", async () => {
    process.env.RATE_LIMIT_CHECKOUT = "100000/minute";
    await syncPlanCatalog();
    const seller = await sellingSeller(stripe(), { tag: "fee-status" });
    const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "fees" }, seller.audit);
    const [starter, free] = await Promise.all([
      prisma.platformPlan.findUniqueOrThrow({ where: { code: "starter" } }),
      prisma.platformPlan.findUniqueOrThrow({ where: { code: "free" } }),
    ]);

    for (const status of STATUSES) {
      await prisma.platformSubscription.deleteMany({ where: { storeId: seller.store.id } });
      if (status !== "none")
        await prisma.platformSubscription.create({
          data: {
            storeId: seller.store.id,
            planId: status === "free" ? free.id : starter.id,
            status,
            stripeSubscriptionId: status === "free" ? null : `sub_${status}_${seller.store.id}`,
          },
        });
      const res = await createPaymentIntentRoute(
        new NextRequest("http://localhost:3000/api/v1/payment-intents", {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: JSON.stringify({ priceId: seller.priceId }),
        }),
        { params: Promise.resolve({}) },
      );
      expect(res.status, status).toBe(201);
      const body = (await res.json()) as { paymentIntentId: string; stripeAccount: string };
      const pi = await stripe().stripe.paymentIntents.retrieve(
        body.paymentIntentId,
        {},
        { stripeAccount: body.stripeAccount },
      );
      expect(pi.amount, status).toBe(10_000);
      expect(pi.application_fee_amount, status).toBe(EXPECTED[status]);

      const effective = await effectivePlan(seller.store.id);
      const live = status === "active" || status === "trialing";
      expect(effective.plan.code, status).toBe(live ? "starter" : "free");
      expect(effective.source, status).toBe(live || status === "free" ? "subscription" : "fallback");
      // Without a live paid plan no sale of any size pays less than Free would.
      if (!live)
        for (const amount of [1, 50, 199, 10_000, 123_456])
          expect(applicationFeeAmount(amount, "BRL", await feeRateForStore(seller.store.id))).toBeGreaterThanOrEqual(
            applicationFeeAmount(amount, "BRL", { percentBps: 499, fixed: "0.50" }),
          );
    }
  });

  it("falls back to the catalog's Free rate when the database has no Free plan row", async () => {
    const seller = await sellingSeller(stripe(), { tag: "fee-unseeded" });
    await prisma.platformPlan.updateMany({ where: { code: "free" }, data: { code: "free-renamed" } });
    try {
      expect(await feeRateForStore(seller.store.id)).toEqual({ percentBps: 499, fixed: "0.50" });
    } finally {
      await prisma.platformPlan.updateMany({ where: { code: "free-renamed" }, data: { code: "free" } });
    }
  });
});
