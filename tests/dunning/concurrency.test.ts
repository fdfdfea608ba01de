// Several job runs at once (two app instances, a retried job) on the same due case: each reminder
// is queued once, the store is downgraded once (one cancellation at Stripe, one audit entry, one
// notice). Meaningful on real PostgreSQL: TEST_DATABASE_URL=postgresql://… npx vitest run tests/dunning
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { usePlatformWebhooks } from "../webhooks/support";
import { advanceTo, DAY, settle, storeWithFailedRenewal } from "./support";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";
import { advanceDueCases } from "@/lib/dunning/advance";
import { DUNNING_SCHEDULE_KEY } from "@/lib/dunning/schedule";

describe("dunning under concurrent job runs", () => {
  useTestDatabase();
  const { stripe } = usePlatformWebhooks("whsec_dunning_concurrency");

  it("sends each reminder once and downgrades once", async () => {
    await syncPlanCatalog();
    await prisma.platformSetting.create({ data: { key: DUNNING_SCHEDULE_KEY, value: [0, 1] } });
    const f = await storeWithFailedRenewal(stripe(), { tag: "race", locale: "en" });
    const storeId = f.seller.store.id;
    const day = (d: number) => new Date(f.dunningCase.startedAt.getTime() + d * DAY + 60_000);

    for (const d of [0, 1]) {
      const now = await advanceTo(stripe(), day(d));
      const reports = await Promise.all(Array.from({ length: 4 }, () => advanceDueCases({ now })));
      expect(
        reports.reduce((n, r) => n + r.reminders, 0),
        `day ${d}`,
      ).toBe(1);
    }
    const reminders = await prisma.notification.findMany({ where: { storeId, event: "dunning_reminder" } });
    expect(reminders.map((n) => n.idempotencyKey.split(":").slice(0, 3).join(":")).sort()).toEqual([
      `dunning_reminder:${f.dunningCase.id}:0`,
      `dunning_reminder:${f.dunningCase.id}:1`,
    ]);
    expect(await prisma.notification.count({ where: { storeId, event: "plan_payment_failed" } })).toBe(1);

    const now = await advanceTo(stripe(), day(2));
    const reports = await Promise.all(Array.from({ length: 4 }, () => advanceDueCases({ now })));
    // One run cancels at Stripe; Stripe's customer.subscription.deleted may reach the webhook route
    // and finish the downgrade before that run does (then no run reports it). Either way it happens
    // once: what a seller sees is asserted below (one audit entry, one notice, one cancellation).
    expect(reports.reduce((n, r) => n + r.downgraded, 0)).toBeLessThanOrEqual(1);
    await settle(stripe());
    expect(await prisma.auditLog.count({ where: { storeId, action: "billing.dunning_downgraded" } })).toBe(1);
    expect(await prisma.notification.count({ where: { storeId, event: "dunning_downgraded" } })).toBe(1);
    const deleted = await stripe().stripe.events.list({ type: "customer.subscription.deleted", limit: 100 });
    expect(deleted.data.filter((e) => (e.data.object as { id: string }).id === f.subscription.id)).toHaveLength(1);
    expect(
      await prisma.platformSubscription.findUniqueOrThrow({ where: { storeId }, include: { plan: true } }),
    ).toMatchObject({ status: "free", plan: { code: "free" } });
  });
});
