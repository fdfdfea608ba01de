import { describe, expect, it } from "vitest";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import {
  changePlan,
  createBillingPortalSession,
  listPlatformInvoices,
  setCancelAtPeriodEnd,
  subscribeToPlan,
  syncSubscription,
} from "@/lib/billing/plans";
import { feeRateForStore } from "@/lib/checkout/sellable";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";

const APP = "http://localhost:3000";
describe("seller subscribes to the platform", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("Free is recorded locally; Starter goes through Checkout with a trial; switch, cancel at period end and resume", async () => {
    await syncPlanCatalog();
    const email = uniqueEmail("plan");
    const { user, store } = await signUp(
      SignUpInput.parse({ name: "P", email, password: "correct-horse-9", storeName: "Plan store" }),
      ctx,
    );
    const audit = { ...ctx, actor: { type: "user" as const, id: user.id } };

    const free = await subscribeToPlan(store, email, { planCode: "free" }, { appUrl: APP, audit });
    expect(free.checkoutUrl).toBeNull();
    expect(await feeRateForStore(store.id)).toEqual({ percentBps: 499, fixed: "0.50" });

    const starter = await subscribeToPlan(store, email, { planCode: "starter" }, { appUrl: APP, audit });
    expect(starter.checkoutUrl).toMatch(/\/checkout\/cs_/);
    const sessionId = starter.checkoutUrl!.split("/checkout/")[1]!;
    const session = await stripe().stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({ mode: "subscription", metadata: { storeId: store.id, planCode: "starter" } });
    await stripe().controls.completeCheckout(sessionId, { card: "4242424242424242" });

    const synced = await syncSubscription(store, audit);
    expect(synced).toMatchObject({ status: "trialing", plan: { code: "starter" }, cancelAtPeriodEnd: false });
    expect(await feeRateForStore(store.id)).toEqual({ percentBps: 299, fixed: "0.39" });
    await expect(subscribeToPlan(store, email, { planCode: "pro" }, { appUrl: APP, audit })).rejects.toMatchObject({
      code: "already_exists",
    });

    const pro = await changePlan(store.id, { planCode: "pro" }, audit);
    expect(pro?.plan.code).toBe("pro");
    const onStripe = await stripe().stripe.subscriptions.retrieve(pro!.stripeSubscriptionId!);
    expect(onStripe.items.data[0]!.price.unit_amount).toBe(14900);

    expect((await setCancelAtPeriodEnd(store.id, true, audit))?.cancelAtPeriodEnd).toBe(true);
    expect((await stripe().stripe.subscriptions.retrieve(pro!.stripeSubscriptionId!)).cancel_at_period_end).toBe(true);
    expect((await setCancelAtPeriodEnd(store.id, false, audit))?.cancelAtPeriodEnd).toBe(false);

    const portal = await createBillingPortalSession(store.id, APP);
    expect(portal.url).toMatch(/\/portal\//);
    const invoices = await listPlatformInvoices(store.id);
    expect(invoices.length).toBeGreaterThan(0);
    expect(invoices.every((i) => i.currency === "BRL")).toBe(true);
    const actions = (
      await prisma.auditLog.findMany({ where: { storeId: store.id, action: { startsWith: "billing." } } })
    ).map((a) => a.action);
    expect(actions.length).toBeGreaterThanOrEqual(4);
  });
});
