// One tenant as an operator reviews it: owner, stores, review state, Stripe account (charges and
// payouts enabled, requirements), plan, volume (30 days and all time, per currency, card and PIX),
// PIX gateways with their last check, callback health, credits, and the latest audit entries.
// Lookup by store id, owner email or Stripe account id (seed 000's /stores/get/<account_id>).
import "server-only";
import { prisma } from "@/lib/db/client";
import { listAuditPage } from "./audit-query";

const PAID = ["PAID", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED"] as const;
const DAY = 86_400_000;

/** The store a query names: its id, its Stripe account id (acct_…), or its owner's email (first store). */
export async function lookupTenant(query: string): Promise<string | null> {
  const q = query.trim();
  if (!q) return null;
  if (q.includes("@")) {
    const store = await prisma.store.findFirst({
      where: { owner: { email: q.toLowerCase() } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    return store?.id ?? null;
  }
  if (q.startsWith("acct_")) {
    const account = await prisma.stripeAccount.findUnique({ where: { accountId: q }, select: { storeId: true } });
    return account?.storeId ?? null;
  }
  const store = await prisma.store.findUnique({ where: { id: q }, select: { id: true } });
  return store?.id ?? null;
}

export type VolumeRow = { currency: string; method: "card" | "pix"; count: number; amount: number };

async function volume(storeId: string, since: Date | null): Promise<VolumeRow[]> {
  const [card, pix] = await Promise.all([
    prisma.order.groupBy({
      by: ["currency"],
      where: { storeId, status: { in: [...PAID] }, ...(since ? { paidAt: { gte: since } } : {}) },
      _count: { _all: true },
      _sum: { amountTotal: true },
    }),
    prisma.pixCharge.groupBy({
      by: ["storeId"],
      where: { storeId, paidAt: { not: null, ...(since ? { gte: since } : {}) } },
      _count: { _all: true },
      _sum: { paidAmountCentavos: true },
    }),
  ]);
  return [
    ...card.map((c) => ({
      currency: c.currency.toUpperCase(),
      method: "card" as const,
      count: c._count._all,
      amount: c._sum.amountTotal ?? 0,
    })),
    ...pix.map((p) => ({
      currency: "BRL",
      method: "pix" as const,
      count: p._count._all,
      amount: p._sum.paidAmountCentavos ?? 0,
    })),
  ];
}

export type CallbackHealth = {
  endpoints: number;
  disabled: Array<{ id: string; url: string; disabledReason: string | null; disabledAt: Date | null }>;
  /** Attempts in the last 7 days, and the share that got a 2xx. */
  attempts7d: number;
  successRate7d: number | null;
  /** Deliveries due and not yet delivered, and the oldest one's wait in seconds. */
  due: number;
  oldestDueSeconds: number | null;
};

async function callbackHealth(storeId: string, now: Date): Promise<CallbackHealth> {
  const since = new Date(now.getTime() - 7 * DAY);
  const [endpoints, attempts, ok, due] = await Promise.all([
    prisma.callbackEndpoint.findMany({
      where: { storeId },
      select: { id: true, url: true, enabled: true, disabledReason: true, disabledAt: true },
    }),
    prisma.callbackAttempt.count({ where: { storeId, createdAt: { gte: since } } }),
    prisma.callbackAttempt.count({ where: { storeId, createdAt: { gte: since }, statusCode: { gte: 200, lt: 300 } } }),
    prisma.callbackDelivery.aggregate({
      where: { storeId, status: { in: ["PENDING", "DELIVERING"] }, nextAttemptAt: { lte: now } },
      _count: { _all: true },
      _min: { nextAttemptAt: true },
    }),
  ]);
  const oldest = due._min.nextAttemptAt;
  return {
    endpoints: endpoints.length,
    disabled: endpoints
      .filter((e) => !e.enabled || e.disabledAt)
      .map(({ id, url, disabledReason, disabledAt }) => ({ id, url, disabledReason, disabledAt })),
    attempts7d: attempts,
    successRate7d: attempts ? ok / attempts : null,
    due: due._count._all,
    oldestDueSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
  };
}

export async function tenantDetail(storeId: string, now = new Date()) {
  const store = await prisma.store.findUnique({
    where: { id: storeId },
    select: {
      id: true,
      name: true,
      slug: true,
      storeDomain: true,
      currency: true,
      timeZone: true,
      createdAt: true,
      reviewStatus: true,
      reviewReason: true,
      reviewedAt: true,
      reviewedById: true,
      owner: { select: { id: true, name: true, email: true, status: true, createdAt: true, role: true } },
      stripeAccount: {
        select: {
          accountId: true,
          country: true,
          chargesEnabled: true,
          payoutsEnabled: true,
          detailsSubmitted: true,
          requirementsDue: true,
          disabledReason: true,
          syncedAt: true,
        },
      },
      subscription: {
        select: {
          status: true,
          currentPeriodEnd: true,
          cancelAtPeriodEnd: true,
          trialEnd: true,
          interval: true,
          stripeSubscriptionId: true,
          plan: { select: { name: true } },
        },
      },
      creditBalance: { select: { balance: true, held: true } },
      pixGateways: {
        select: {
          id: true,
          gateway: true,
          label: true,
          active: true,
          priority: true,
          lastVerifiedAt: true,
          lastVerifyOk: true,
          lastErrorCode: true,
        },
        orderBy: { priority: "asc" },
      },
      _count: { select: { apiKeys: true, products: true } },
    },
  });
  if (!store) return null;
  const [otherStores, reviewer, volume30d, volumeAll, callbacks, audit] = await Promise.all([
    prisma.store.findMany({
      where: { ownerId: store.owner.id, id: { not: store.id } },
      select: { id: true, name: true, reviewStatus: true },
      orderBy: { createdAt: "asc" },
    }),
    store.reviewedById
      ? prisma.user.findUnique({ where: { id: store.reviewedById }, select: { email: true } })
      : Promise.resolve(null),
    volume(store.id, new Date(now.getTime() - 30 * DAY)),
    volume(store.id, null),
    callbackHealth(store.id, now),
    listAuditPage({ store: store.id }, 10),
  ]);
  return { ...store, otherStores, reviewerEmail: reviewer?.email ?? null, volume30d, volumeAll, callbacks, audit };
}

export type TenantDetail = NonNullable<Awaited<ReturnType<typeof tenantDetail>>>;
