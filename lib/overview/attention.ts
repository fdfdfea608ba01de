// What needs the seller's attention now, each with where to act: callbacks the store is not
// getting, open disputes, PIX charges about to expire, usage near a plan limit, a plan payment
// that failed, buyers' subscription renewals that were declined and Stripe payouts that failed.
// Reads the store's rows only.
import { prisma } from "@/lib/db/client";
import { usageSummary } from "@/lib/usage/summary";
import { usageBand } from "@/lib/usage/views";

/** A PIX charge expiring within this many minutes is "about to expire". */
export const PIX_EXPIRING_MINUTES = 15;
/** Failed callbacks and renewals are reported for this many days. */
export const RECENT_DAYS = 7;

/** Card disputes that are settled (Stripe's final states); any other is open. */
const CLOSED_CARD_DISPUTES = ["won", "lost", "warning_closed"];

export type AttentionItem =
  | { kind: "callback_endpoints_disabled"; tone: "danger"; count: number; href: string }
  | { kind: "callback_deliveries_failed"; tone: "warning"; count: number; href: string }
  | { kind: "disputes_open"; tone: "danger"; count: number; href: string; method: "card" | "pix" }
  | { kind: "pix_expiring"; tone: "warning"; count: number; href: string; minutes: number }
  | { kind: "usage_near_limit"; tone: "warning" | "danger"; count: number; href: string; resources: UsageNear[] }
  | { kind: "plan_payment_failed"; tone: "danger"; count: number; href: string; amount: number; currency: string }
  | { kind: "renewals_failed"; tone: "warning"; count: number; href: string }
  | { kind: "payouts_failed"; tone: "danger"; count: number; href: string };

export type UsageNear = { resource: string; percent: number };

const DAY_MS = 86_400_000;

async function usageNear(storeId: string, now: Date): Promise<UsageNear[]> {
  const summary = await usageSummary(storeId, "current", now);
  return summary.resources
    .filter((r) => r.kind === "flow" && usageBand(r.percent) !== "ok")
    .map((r) => ({ resource: r.resource, percent: r.percent ?? 0 }));
}

/** The store's open issues, most urgent first; an empty list when all is well. */
export async function needsAttention(storeId: string, now = new Date()): Promise<AttentionItem[]> {
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const [
    disabledEndpoints,
    failedDeliveries,
    cardDisputes,
    firstCardDispute,
    pixDisputes,
    expiring,
    near,
    dunning,
    failedRenewals,
    failedPayouts,
  ] = await Promise.all([
    prisma.callbackEndpoint.count({ where: { storeId, enabled: false, disabledAt: { not: null } } }),
    prisma.callbackDelivery.count({ where: { storeId, status: "FAILED", updatedAt: { gte: since } } }),
    prisma.paymentAdjustment.count({ where: { storeId, kind: "dispute", status: { notIn: CLOSED_CARD_DISPUTES } } }),
    prisma.paymentAdjustment.findFirst({
      where: { storeId, kind: "dispute", status: { notIn: CLOSED_CARD_DISPUTES } },
      orderBy: { createdAt: "asc" },
      select: { orderId: true },
    }),
    prisma.pixDispute.count({ where: { storeId, status: "opened" } }),
    prisma.pixCharge.count({
      where: {
        storeId,
        status: { in: ["pending", "awaiting_customer"] },
        expiresAt: { gt: now, lte: new Date(now.getTime() + PIX_EXPIRING_MINUTES * 60_000) },
      },
    }),
    usageNear(storeId, now),
    prisma.dunningCase.findFirst({
      where: { storeId, status: "active" },
      orderBy: { startedAt: "desc" },
      select: { amountDue: true, currency: true },
    }),
    prisma.order.count({ where: { storeId, channel: "RENEWAL", status: "FAILED", updatedAt: { gte: since } } }),
    prisma.stripePayout.count({ where: { storeId, status: "failed", updatedAt: { gte: since } } }),
  ]);

  const items: AttentionItem[] = [];
  if (cardDisputes > 0)
    items.push({
      kind: "disputes_open",
      tone: "danger",
      method: "card",
      count: cardDisputes,
      href:
        cardDisputes === 1 && firstCardDispute
          ? `/dashboard/payments/${firstCardDispute.orderId}`
          : "/dashboard/payments?method=card&status=disputed",
    });
  if (pixDisputes > 0)
    items.push({
      kind: "disputes_open",
      tone: "danger",
      method: "pix",
      count: pixDisputes,
      href: "/dashboard/payments?method=pix&status=disputed",
    });
  if (dunning)
    items.push({
      kind: "plan_payment_failed",
      tone: "danger",
      count: 1,
      href: "/dashboard/plan",
      amount: dunning.amountDue,
      currency: dunning.currency,
    });
  if (failedPayouts > 0)
    items.push({ kind: "payouts_failed", tone: "danger", count: failedPayouts, href: "/dashboard/balance" });
  if (disabledEndpoints > 0)
    items.push({
      kind: "callback_endpoints_disabled",
      tone: "danger",
      count: disabledEndpoints,
      href: "/dashboard/callbacks",
    });
  if (failedDeliveries > 0)
    items.push({
      kind: "callback_deliveries_failed",
      tone: "warning",
      count: failedDeliveries,
      href: "/dashboard/callbacks",
    });
  if (near.length > 0)
    items.push({
      kind: "usage_near_limit",
      tone: near.some((r) => r.percent >= 100) ? "danger" : "warning",
      count: near.length,
      href: "/dashboard/usage",
      resources: near,
    });
  if (failedRenewals > 0)
    items.push({
      kind: "renewals_failed",
      tone: "warning",
      count: failedRenewals,
      href: "/dashboard/payments?method=card&status=failed",
    });
  if (expiring > 0)
    items.push({
      kind: "pix_expiring",
      tone: "warning",
      count: expiring,
      href: "/dashboard/pix",
      minutes: PIX_EXPIRING_MINUTES,
    });
  return items;
}
