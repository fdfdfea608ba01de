// Tenant review: TENANT_REVIEW=manual makes new stores PENDING; an admin approves, suspends with a
// reason, or reinstates — each change audited, concurrent decisions make one change. A suspended
// store's API keys are refused with store_suspended; lookups find a tenant by id, owner email or
// Stripe account id; the tenant page's figures come from the store's own rows.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore, sellingSeller } from "../support/seller";
import { appRequest, sessionCookie } from "../support/session";
import { useStripeEmulator } from "../support/stripe";
import { GET as lookupRoute } from "@/app/api/admin/stores/lookup/route";
import { GET as storeRoute } from "@/app/api/admin/stores/[id]/route";
import { POST as reviewRoute } from "@/app/api/admin/stores/[id]/review/route";
import { GET as productsRoute } from "@/app/api/v1/products/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";
import { assertStoreTakesPayments } from "@/lib/tenancy/review";
import { getPublicPrice } from "@/lib/checkout/public";
import { createCheckoutSession, CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { refreshOrderFromStripe } from "@/lib/checkout/orders";
import { createPixCharge } from "@/lib/pix/service/charges";
import { createPurchase } from "@/lib/credits/purchases";

describe("tenant review", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  let adminCookie: string;
  let sellerCookie: string;

  beforeAll(async () => {
    const admin = await sellerWithStore({ tag: "review-admin" });
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    adminCookie = await sessionCookie(admin.user.id);
    sellerCookie = await sessionCookie((await sellerWithStore({ tag: "review-seller" })).user.id);
  });
  afterEach(() => {
    delete process.env.TENANT_REVIEW;
  });

  const review = (storeId: string, body: unknown, cookie = adminCookie) =>
    reviewRoute(
      appRequest(`/api/admin/stores/${storeId}/review`, {
        method: "POST",
        headers: { cookie },
        body,
      }),
      { params: Promise.resolve({ id: storeId }) },
    );

  it("starts new stores pending under TENANT_REVIEW=manual, approved under auto", async () => {
    process.env.TENANT_REVIEW = "manual";
    const pending = await sellerWithStore({ tag: "review-manual" });
    expect((await prisma.store.findUniqueOrThrow({ where: { id: pending.store.id } })).reviewStatus).toBe("PENDING");
    await expect(assertStoreTakesPayments(pending.store.id)).rejects.toMatchObject({ code: "store_pending_review" });
    delete process.env.TENANT_REVIEW;
    const auto = await sellerWithStore({ tag: "review-auto" });
    expect((await prisma.store.findUniqueOrThrow({ where: { id: auto.store.id } })).reviewStatus).toBe("APPROVED");
    await expect(assertStoreTakesPayments(auto.store.id)).resolves.toBeUndefined();
  });

  it("approves, suspends with a reason and reinstates, each audited; sellers cannot", async () => {
    process.env.TENANT_REVIEW = "manual";
    const seller = await sellerWithStore({ tag: "review-flow" });
    expect((await review(seller.store.id, { decision: "approve" }, sellerCookie)).status).toBe(403);
    expect((await review(seller.store.id, { decision: "suspend" })).status).toBe(422);
    expect((await review(seller.store.id, { decision: "reinstate" })).status).toBe(409);

    const approved = await review(seller.store.id, { decision: "approve" });
    expect(approved.status).toBe(200);
    expect((await approved.json()).store.reviewStatus).toBe("APPROVED");
    expect((await review(seller.store.id, { decision: "suspend", reason: "Chargebacks above policy" })).status).toBe(
      200,
    );
    const suspended = await prisma.store.findUniqueOrThrow({ where: { id: seller.store.id } });
    expect(suspended).toMatchObject({ reviewStatus: "SUSPENDED", reviewReason: "Chargebacks above policy" });
    await expect(assertStoreTakesPayments(seller.store.id)).rejects.toMatchObject({ code: "store_suspended" });
    expect((await review(seller.store.id, { decision: "reinstate" })).status).toBe(200);

    const trail = await prisma.auditLog.findMany({
      where: { storeId: seller.store.id, action: { startsWith: "store.review_" } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual([
      "store.review_approved",
      "store.review_suspended",
      "store.review_reinstated",
    ]);
    expect(trail[1]!.after).toMatchObject({ reviewStatus: "SUSPENDED", reviewReason: "Chargebacks above policy" });
  });

  it("two admins approving at once make one change and one audit entry", async () => {
    process.env.TENANT_REVIEW = "manual";
    const seller = await sellerWithStore({ tag: "review-race" });
    const answers = await Promise.all([1, 2, 3].map(() => review(seller.store.id, { decision: "approve" })));
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(await prisma.auditLog.count({ where: { storeId: seller.store.id, action: "store.review_approved" } })).toBe(
      1,
    );
  });

  it("refuses a suspended store's API keys with store_suspended, and takes them again when reinstated", async () => {
    const seller = await sellerWithStore({ tag: "review-keys" });
    const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "store" }, seller.audit);
    const call = () =>
      productsRoute(appRequest("/api/v1/products", { headers: { authorization: `Bearer ${secret}` } }), {
        params: Promise.resolve({}),
      });
    expect((await call()).status).toBe(200);
    await review(seller.store.id, { decision: "suspend", reason: "Fraud review" });
    const refused = await call();
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("store_suspended");
    await review(seller.store.id, { decision: "reinstate" });
    expect((await call()).status).toBe(200);
  });

  it("finds a tenant by store id, owner email or Stripe account id, and shows its page data", async () => {
    const seller = await sellingSeller(stripe(), { tag: "review-lookup" });
    const account = await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: seller.store.id } });
    const lookup = async (q: string) => {
      const res = await lookupRoute(
        appRequest(`/api/admin/stores/lookup?q=${encodeURIComponent(q)}`, { headers: { cookie: adminCookie } }),
        { params: Promise.resolve({}) },
      );
      return { status: res.status, body: await res.json() };
    };
    for (const q of [seller.store.id, seller.user.email, account.accountId])
      expect(await lookup(q)).toEqual({
        status: 200,
        body: { storeId: seller.store.id, url: `/admin/tenants/${seller.store.id}` },
      });
    expect((await lookup("acct_does_not_exist")).status).toBe(404);
    const page = await storeRoute(
      appRequest(`/api/admin/stores/${seller.store.id}`, { headers: { cookie: adminCookie } }),
      { params: Promise.resolve({ id: seller.store.id }) },
    );
    expect(page.status).toBe(200);
    const { store } = await page.json();
    expect(store).toMatchObject({
      id: seller.store.id,
      reviewStatus: "APPROVED",
      owner: { email: seller.user.email },
      stripeAccount: { accountId: account.accountId, chargesEnabled: true },
      callbacks: { endpoints: 0, due: 0 },
    });
    expect(store.recentAudit.length).toBeGreaterThan(0);
    const notAdmin = await storeRoute(
      appRequest(`/api/admin/stores/${seller.store.id}`, { headers: { cookie: sellerCookie } }),
      { params: Promise.resolve({ id: seller.store.id }) },
    );
    expect(notAdmin.status).toBe(403);
  });

  it("a suspended store takes no new payment anywhere, while a payment already under way still completes", async () => {
    const seller = await sellingSeller(stripe(), { tag: "review-effects" });
    const system = { ...seller.audit, actor: { type: "system" as const, id: "test" } };
    // A buyer started paying before the suspension.
    const underWay = await createPaymentIntent(seller.store.id, BuyerInput.parse({ priceId: seller.priceId }), {
      audit: system,
    });
    expect((await getPublicPrice(seller.priceId)).sellable).toBe(true);
    expect((await review(seller.store.id, { decision: "suspend", reason: "Investigation" })).status).toBe(200);

    await expect(
      createPaymentIntent(seller.store.id, BuyerInput.parse({ priceId: seller.priceId }), { audit: system }),
    ).rejects.toMatchObject({ code: "store_suspended" });
    await expect(
      createCheckoutSession(seller.store.id, CreateCheckoutSessionInput.parse({ priceId: seller.priceId }), {
        appUrl: "http://localhost:3000",
        audit: system,
      }),
    ).rejects.toMatchObject({ code: "store_suspended" });
    await expect(
      createPixCharge(seller.store.id, system, { amountCentavos: 1000, description: "x" } as never),
    ).rejects.toMatchObject({ code: "store_suspended" });
    await expect(
      createPurchase(seller.store as never, { amount: 5000 } as never, { audit: system }),
    ).rejects.toMatchObject({ code: "store_suspended" });
    const page = await getPublicPrice(seller.priceId);
    expect(page).toMatchObject({ sellable: false, storeOpen: false });

    // Money already moving is never lost: the buyer's confirmation settles the order as usual.
    await stripe().stripe.paymentIntents.confirm(
      underWay.paymentIntentId,
      { payment_method: "pm_card_visa" },
      { stripeAccount: underWay.stripeAccount },
    );
    expect(await refreshOrderFromStripe(underWay.orderId, system)).toMatchObject({ status: "PAID" });
  });
});
