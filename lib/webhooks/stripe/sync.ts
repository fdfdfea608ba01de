// Recovery sync: Stripe delivers at least once, but some deliveries never arrive. Every few
// minutes, list recent events on the platform and on every connected account and feed any event
// not yet processed through the same handlers; then re-read orders still pending for too long.
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getStripe } from "@/lib/stripe/client";
import { refreshOrderFromStripe } from "@/lib/checkout/orders";
import { reconcileOpenPlatformInvoices } from "@/lib/invoices/platform";
import { ingestEvent } from "./process";

export type SyncReport = { accounts: number; seen: number; ingested: number; failed: number; ordersRefreshed: number };

export function syncSettings(env: Record<string, string | undefined> = process.env) {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return {
    enabled: env.WEBHOOK_SYNC_ENABLED !== "0" && env.WEBHOOK_SYNC_ENABLED !== "false",
    intervalMinutes: num(env.WEBHOOK_SYNC_INTERVAL_MINUTES, 15),
    lookbackMinutes: num(env.WEBHOOK_SYNC_LOOKBACK_MINUTES, 120),
    pendingOrderMinutes: num(env.WEBHOOK_SYNC_PENDING_ORDER_MINUTES, 10),
  };
}

async function listSince(since: number, stripeAccount?: string): Promise<Stripe.Event[]> {
  const out: Stripe.Event[] = [];
  for await (const event of getStripe().events.list(
    { created: { gte: since }, limit: 100 },
    stripeAccount ? { stripeAccount } : undefined,
  ))
    out.push(event);
  // Oldest first, so a later event is never applied before the one it follows.
  return out.sort((a, b) => a.created - b.created);
}

export async function syncStripeEvents(
  opts: { lookbackMinutes?: number; pendingOrderMinutes?: number; now?: Date } = {},
): Promise<SyncReport> {
  const settings = syncSettings();
  const now = opts.now ?? new Date();
  const since = Math.floor(now.getTime() / 1000) - (opts.lookbackMinutes ?? settings.lookbackMinutes) * 60;
  const accounts = (await prisma.stripeAccount.findMany({ select: { accountId: true } })).map((a) => a.accountId);
  const report: SyncReport = { accounts: accounts.length, seen: 0, ingested: 0, failed: 0, ordersRefreshed: 0 };
  for (const account of [undefined, ...accounts]) {
    const events = await listSince(since, account);
    report.seen += events.length;
    const known = new Map(
      (
        await prisma.stripeEvent.findMany({
          where: { id: { in: events.map((e) => e.id) } },
          select: { id: true, status: true },
        })
      ).map((e) => [e.id, e.status]),
    );
    for (const event of events) {
      if (known.get(event.id) === "PROCESSED") continue;
      const result = await ingestEvent(event, "sync");
      if (result === "processed" || result === "ignored") report.ingested++;
      if (result === "failed") report.failed++;
    }
  }
  const staleBefore = new Date(now.getTime() - (opts.pendingOrderMinutes ?? settings.pendingOrderMinutes) * 60_000);
  const pending = await prisma.order.findMany({
    where: { status: "PENDING", createdAt: { lt: staleBefore } },
    select: { id: true },
    take: 200,
  });
  for (const order of pending) {
    const before = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
    const after = await refreshOrderFromStripe(order.id, { actor: { type: "system", id: "stripe-sync" } }).catch(
      (err) => {
        logger.warn({ err, orderId: order.id }, "pending order re-read failed");
        return null;
      },
    );
    if (after && after.status !== before.status) report.ordersRefreshed++;
  }
  // Our open platform invoices are re-read too: a "paid" older than the event window still lands.
  const invoicesChanged = await reconcileOpenPlatformInvoices().catch((err: unknown) => {
    logger.warn({ err }, "platform invoice reconciliation failed");
    return 0;
  });
  logger.info({ report, invoicesChanged }, "stripe recovery sync finished");
  return report;
}
