import type Stripe from "stripe";
import type { Order } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/log";
import { coalesce } from "@/lib/db/coalesce";
import { prisma } from "@/lib/db/client";
import { sqlQuery } from "@/lib/db/raw";

export type HandlerContext = { event: Stripe.Event; audit: AuditContext; stripeAccount: string | null };
export type EventHandler = (ctx: HandlerContext) => Promise<void>;

/** Stripe request options for the event's account (connected) or none (platform). */
export function opts(ctx: HandlerContext): Stripe.RequestOptions | undefined {
  return ctx.stripeAccount ? { stripeAccount: ctx.stripeAccount } : undefined;
}

type Lookup = { account: string; oid: string | null; cs: string | null; pi: string | null };

// Concurrent lookups share one raw statement (lib/db/coalesce.ts): a model query costs about 1 ms of
// CPU to compile, and most webhook events are for objects that are not ours, so the lookup is the
// handler's whole work. Each reference is its own probe of a unique index (id, checkoutSessionId,
// paymentIntentId), tried in that order; a branch whose reference is absent is skipped by its
// one-time `IS NOT NULL` filter. Every probe is scoped to the event's account. (No branch may scan:
// the plan's cost would cross jit_above_cost and JIT compilation costs ~100 ms per statement.)
const FIND_ORDERS_SQL = `
SELECT x.i AS "lookupIndex", o.*
  FROM jsonb_to_recordset($1::jsonb) AS x(i int, account text, oid text, cs text, pi text)
  CROSS JOIN LATERAL (
    SELECT * FROM "Order" WHERE x.oid IS NOT NULL AND id = x.oid AND "stripeAccountId" = x.account
    UNION ALL
    SELECT * FROM "Order" WHERE x.cs IS NOT NULL AND "checkoutSessionId" = x.cs AND "stripeAccountId" = x.account
    UNION ALL
    SELECT * FROM "Order" WHERE x.pi IS NOT NULL AND "paymentIntentId" = x.pi AND "stripeAccountId" = x.account
    LIMIT 1
  ) o`;

async function findOrders(lookups: Lookup[]): Promise<Array<Order | null>> {
  const rows = await sqlQuery<Order & { lookupIndex: number }>(
    prisma,
    FIND_ORDERS_SQL,
    JSON.stringify(lookups.map((l, i) => ({ i, ...l }))),
  );
  const found: Array<Order | null> = lookups.map(() => null);
  for (const { lookupIndex, ...order } of rows) found[lookupIndex] = order;
  return found;
}

const findOne = coalesce(findOrders, async (l: Lookup) => (await findOrders([l]))[0]!);

/** The subscription's own (Checkout) order, not one of its renewal payments (lib/orders/renewals.ts). */
async function findSubscriptionOrder(subscriptionId: string, stripeAccount: string): Promise<Order | null> {
  const [order] = await sqlQuery<Order>(
    prisma,
    `SELECT * FROM "Order" WHERE "stripeAccountId" = $1 AND "subscriptionId" = $2 AND channel <> 'RENEWAL' LIMIT 1`,
    stripeAccount,
    subscriptionId,
  );
  return order ?? null;
}

/** The order an object refers to: our id in metadata first, then the Stripe ids we stored. */
export async function findOrder(
  ref: {
    vitrineOrderId?: string | null;
    checkoutSessionId?: string | null;
    paymentIntentId?: string | null;
    subscriptionId?: string | null;
  },
  stripeAccount: string | null,
): Promise<Order | null> {
  // Scoped to the account the event came from: an event can never touch another store's order.
  if (!stripeAccount) return null;
  const lookup: Lookup = {
    account: stripeAccount,
    oid: ref.vitrineOrderId || null,
    cs: ref.checkoutSessionId || null,
    pi: ref.paymentIntentId || null,
  };
  const order = lookup.oid || lookup.cs || lookup.pi ? await findOne(lookup) : null;
  if (order || !ref.subscriptionId) return order;
  return findSubscriptionOrder(ref.subscriptionId, stripeAccount);
}
