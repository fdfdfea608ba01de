// The admin's dunning list and billing overview through their routes (admins only, filters, keyset
// pages, 422 on a bad filter), and the seller banner's trial and downgrade notices.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { appRequest, noParams, sessionCookie } from "../support/session";
import { GET as overviewRoute } from "@/app/api/v1/admin/billing/overview/route";
import { GET as listRoute } from "@/app/api/v1/admin/dunning/route";
import { appendAudit } from "@/lib/audit/log";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";
import { getBillingBanner } from "@/lib/dunning/banner";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";

const DAY = 86_400_000;

describe("admin dunning and billing routes", () => {
  useTestDatabase();

  it("lists stores in dunning with plan, amount and where each case stands; filters and pages; admins only", async () => {
    resetRateLimiters();
    await syncPlanCatalog();
    const pro = await prisma.platformPlan.findUniqueOrThrow({ where: { code: "pro" } });
    const admin = await sellerWithStore({ tag: "adm" });
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    const cookie = await sessionCookie(admin.user.id);
    const stores = await Promise.all([1, 2, 3].map((i) => sellerWithStore({ tag: `dun${i}`, storeName: `Loja ${i}` })));
    await prisma.platformSubscription.create({
      data: { storeId: stores[0]!.store.id, planId: pro.id, status: "past_due" },
    });
    const base = Date.now() - 10 * DAY;
    await prisma.dunningCase.createMany({
      data: [
        {
          storeId: stores[0]!.store.id,
          stripeInvoiceId: "in_a",
          amountDue: 14_900,
          currency: "BRL",
          startedAt: new Date(base + 3 * DAY),
          step: 1,
          nextStepAt: new Date(base + 8 * DAY),
        },
        {
          storeId: stores[1]!.store.id,
          stripeInvoiceId: "in_b",
          amountDue: 900,
          currency: "USD",
          startedAt: new Date(base + 2 * DAY),
          step: 0,
          nextStepAt: new Date(base + 5 * DAY),
        },
        {
          storeId: stores[2]!.store.id,
          stripeInvoiceId: "in_c",
          amountDue: 4_900,
          currency: "BRL",
          startedAt: new Date(base + DAY),
          status: "recovered",
          endReason: "paid_pix",
          endedAt: new Date(base + 2 * DAY),
        },
      ],
    });
    const get = async (query: string, who = cookie) => {
      const res = await listRoute(appRequest(`/api/v1/admin/dunning${query}`, { headers: { cookie: who } }), noParams);
      return { status: res.status, body: await res.json() };
    };

    const active = await get("");
    expect(active.status).toBe(200);
    expect(active.body.data.map((c: { store: { name: string } }) => c.store.name)).toEqual(["Loja 1", "Loja 2"]);
    expect(active.body.data[0]).toMatchObject({
      plan: { code: "pro", name: "Pro" },
      amountDue: 14_900,
      currency: "BRL",
      remindersSent: 2,
      steps: 4,
      status: "active",
      store: { ownerEmail: stores[0]!.user.email },
    });

    const first = await get("?status=all&limit=2");
    expect(first.body.hasMore).toBe(true);
    const next = await get(`?status=all&limit=2&starting_after=${first.body.data[1].id}`);
    expect(next.body).toMatchObject({ hasMore: false, data: [{ status: "recovered", endReason: "paid_pix" }] });

    expect((await get("?status=lost")).status).toBe(422);
    expect((await get("?limit=0")).status).toBe(422);
    expect((await get("?starting_after=nope")).status).toBe(422);
    const seller = await get("", await sessionCookie(stores[0]!.user.id));
    expect(seller.status).toBe(403);

    // Failed payments per day come from the platform's invoice.payment_failed events.
    await prisma.stripeEvent.createMany({
      data: [0, 0, 1].map((d, i) => ({
        id: `evt_fail_${i}`,
        type: "invoice.payment_failed",
        payload: {},
        stripeCreated: new Date(Date.now() - d * DAY),
      })),
    });
    await prisma.stripeEvent.create({
      data: {
        id: "evt_connected",
        type: "invoice.payment_failed",
        account: "acct_x",
        payload: {},
        stripeCreated: new Date(),
      },
    });
    const res = await overviewRoute(appRequest("/api/v1/admin/billing/overview", { headers: { cookie } }), noParams);
    expect(res.status).toBe(200);
    const overview = await res.json();
    expect(overview.paymentsByDay).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    expect(overview.paymentsByDay.at(-1)).toEqual({ day: today, failed: 2, recovered: 0 });
    expect(overview.paymentsByDay.find((d: { day: string }) => d.day === yesterday).failed).toBe(1);
    expect(overview).toMatchObject({
      dunningStores: 2,
      amountInDunning: [
        { currency: "BRL", amountMinor: 14_900, cases: 1 },
        { currency: "USD", amountMinor: 900, cases: 1 },
      ],
    });
  });

  it("announces a trial ending within a week, and the move to Free for a month", async () => {
    await syncPlanCatalog();
    const [starter, free] = await Promise.all([
      prisma.platformPlan.findUniqueOrThrow({ where: { code: "starter" } }),
      prisma.platformPlan.findUniqueOrThrow({ where: { code: "free" } }),
    ]);
    const { store } = await sellerWithStore({ tag: "banner" });
    const now = new Date();
    await prisma.platformSubscription.create({
      data: { storeId: store.id, planId: starter.id, status: "trialing", trialEnd: new Date(now.getTime() + 10 * DAY) },
    });
    expect(await getBillingBanner(store.id, now)).toBeNull();
    const trialEnd = new Date(now.getTime() + 3 * DAY);
    await prisma.platformSubscription.update({ where: { storeId: store.id }, data: { trialEnd } });
    expect(await getBillingBanner(store.id, now)).toEqual({ kind: "trial_ending", trialEnd, planName: "Starter" });

    const c = await prisma.dunningCase.create({
      data: {
        storeId: store.id,
        stripeInvoiceId: "in_banner",
        amountDue: 4_900,
        currency: "BRL",
        status: "downgraded",
        endReason: "downgraded",
        endedAt: now,
      },
    });
    await prisma.platformSubscription.update({
      where: { storeId: store.id },
      data: { planId: free.id, status: "free" },
    });
    await prisma.$transaction((tx) =>
      appendAudit(
        tx,
        { actor: { type: "system" } },
        {
          action: "billing.dunning_downgraded",
          storeId: store.id,
          target: { type: "dunning_case", id: c.id },
          before: { plan: "starter", status: "past_due" },
        },
      ),
    );
    expect(await getBillingBanner(store.id, now)).toMatchObject({
      kind: "downgraded",
      fromPlanName: "Starter",
      planPath: "/dashboard/plan",
    });
    // A month later, or once the store chose a plan again, it is gone.
    expect(await getBillingBanner(store.id, new Date(now.getTime() + 31 * DAY))).toBeNull();
    await prisma.platformSubscription.update({
      where: { storeId: store.id },
      data: { planId: starter.id, status: "active" },
    });
    expect(await getBillingBanner(store.id, now)).toBeNull();
  });
});
