// Exactly-once checks shared by the drills, counted in the database and at the receiver.
import type { Receiver } from "./harness";
import { waitFor } from "./harness";

type Row = Record<string, unknown>;

async function rows<T extends Row>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { prisma } = await import("../../lib/db/client");
  return prisma.$queryRawUnsafe<T[]>(sql, ...params);
}

/** Orders PAID, and each one's `order.paid` audit entry written once. */
export async function checkOrders(orderIds: string[], failures: string[]) {
  const [r] = await rows<{ paid: bigint; once: bigint; more: bigint }>(
    `SELECT (SELECT count(*) FROM "Order" WHERE id = ANY($1::text[]) AND status = 'PAID') AS paid,
            count(*) FILTER (WHERE n = 1) AS once, count(*) FILTER (WHERE n > 1) AS more
       FROM (SELECT "targetId", count(*) AS n FROM "AuditLog"
              WHERE action = 'order.paid' AND "targetId" = ANY($1::text[]) GROUP BY 1) t`,
    orderIds,
  );
  const paid = Number(r!.paid);
  const once = Number(r!.once);
  const more = Number(r!.more);
  if (paid !== orderIds.length)
    failures.push(`orders paid ${paid}/${orderIds.length} (lost ${orderIds.length - paid})`);
  if (once !== orderIds.length)
    failures.push(`order.paid audited once for ${once}/${orderIds.length}, more than once for ${more}`);
  return { paid, once, doubled: more };
}

/** Purchases SUCCEEDED, one PURCHASE ledger entry each, and the ledger verifier's report clean. */
export async function checkCredits(purchaseIds: string[], failures: string[]) {
  const [r] = await rows<{ ok: bigint; once: bigint; more: bigint }>(
    `SELECT (SELECT count(*) FROM "CreditPurchase" WHERE id = ANY($1::text[]) AND status = 'SUCCEEDED') AS ok,
            count(*) FILTER (WHERE n = 1) AS once, count(*) FILTER (WHERE n > 1) AS more
       FROM (SELECT "purchaseId", count(*) AS n FROM "CreditLedgerEntry"
              WHERE kind = 'PURCHASE' AND "purchaseId" = ANY($1::text[]) GROUP BY 1) t`,
    purchaseIds,
  );
  const succeeded = Number(r!.ok);
  const doubled = Number(r!.more);
  if (succeeded !== purchaseIds.length) failures.push(`credit purchases succeeded ${succeeded}/${purchaseIds.length}`);
  if (Number(r!.once) !== purchaseIds.length)
    failures.push(`credits entered once for ${Number(r!.once)}/${purchaseIds.length}, doubled ${doubled}`);
  const { verifyCreditLedger } = await import("../../lib/credits/ledger");
  const report = (await verifyCreditLedger()) as { ok?: boolean; mismatches?: unknown[] };
  if (report.ok === false || (report.mismatches?.length ?? 0) > 0)
    failures.push(`credit ledger verifier: ${JSON.stringify(report.mismatches).slice(0, 300)}`);
  return { succeeded, doubled };
}

/**
 * Each subscription order linked to its Stripe subscription, and each change reached the store at
 * every endpoint: a subscription the drill canceled has a `subscription.canceled` callback, one it
 * left active has a `subscription.updated` and no `subscription.canceled`. (The handler sends the
 * subscription's current state, so a canceled one may get several `subscription.canceled`, one per
 * Stripe event — each Stripe event once per endpoint is checkCallbacks' part.) When one is missing,
 * says how many of those subscriptions had every `customer.subscription.*` event processed before
 * the order's `checkout.session.completed`.
 */
export async function checkSubscriptions(orderIds: string[], canceledOrderIds: string[], failures: string[]) {
  const pairs = await rows<{ id: string; canceled: boolean; linked: boolean; canceledCb: bigint; updatedCb: bigint }>(
    `WITH got AS (SELECT d."endpointId", d.payload->'data'->>'vitrineOrderId' AS "orderId",
                         count(*) FILTER (WHERE d."eventType" = 'subscription.canceled') AS canceled,
                         count(*) FILTER (WHERE d."eventType" = 'subscription.updated') AS updated
                    FROM "CallbackDelivery" d WHERE d."eventType" LIKE 'subscription.%' GROUP BY 1, 2)
     SELECT o.id, o.id = ANY($2::text[]) AS canceled, o."subscriptionId" IS NOT NULL AS linked,
            coalesce(g.canceled, 0) AS "canceledCb", coalesce(g.updated, 0) AS "updatedCb"
       FROM "Order" o JOIN "CallbackEndpoint" e ON e."storeId" = o."storeId"
       LEFT JOIN got g ON g."endpointId" = e.id AND g."orderId" = o.id
      WHERE o.id = ANY($1::text[])`,
    orderIds,
    canceledOrderIds,
  );
  const out = {
    pairs: pairs.length,
    unlinked: new Set(pairs.filter((p) => !p.linked).map((p) => p.id)).size,
    cancelMissing: pairs.filter((p) => p.canceled && !Number(p.canceledCb)).length,
    cancelWrong: pairs.filter((p) => !p.canceled && Number(p.canceledCb)).length,
    updateMissing: pairs.filter((p) => !p.canceled && !Number(p.updatedCb)).length,
    right: pairs.filter((p) =>
      p.canceled ? Number(p.canceledCb) > 0 : Number(p.updatedCb) > 0 && !Number(p.canceledCb),
    ).length,
  };
  if (out.unlinked) failures.push(`${out.unlinked} subscription orders never linked to their subscription`);
  if (out.cancelMissing)
    failures.push(`${out.cancelMissing} (canceled subscription, endpoint) pairs got no subscription.canceled`);
  if (out.cancelWrong)
    failures.push(`${out.cancelWrong} (active subscription, endpoint) pairs got subscription.canceled`);
  if (out.updateMissing)
    failures.push(`${out.updateMissing} (active subscription, endpoint) pairs got no subscription.updated`);
  const missed = [
    ...new Set(pairs.filter((p) => (p.canceled ? !Number(p.canceledCb) : !Number(p.updatedCb))).map((p) => p.id)),
  ];
  if (missed.length) {
    const [why] = await rows<{ n: bigint; before: bigint }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE last_sub < linked) AS before
         FROM (SELECT o.id,
                      (SELECT max(e."processedAt") FROM "StripeEvent" e
                        WHERE e.type LIKE 'customer.subscription.%'
                          AND e.payload->'data'->'object'->>'id' = o."subscriptionId") AS last_sub,
                      (SELECT min(e."processedAt") FROM "StripeEvent" e
                        WHERE e.type = 'checkout.session.completed'
                          AND e.payload->'data'->'object'->>'id' = o."checkoutSessionId") AS linked
                 FROM "Order" o WHERE o.id = ANY($1::text[])) t`,
      missed,
    );
    failures.push(
      `of the ${Number(why!.n)} subscriptions with a change missing, ${Number(why!.before)} had every customer.subscription.* event processed before their checkout.session.completed`,
    );
  }
  return out;
}

/** Every Stripe event id sent has one ledger row, none FAILED or left RECEIVED/PROCESSING. */
export async function checkStripeLedger(eventIds: string[], failures: string[]) {
  const got = await rows<{ status: string; n: bigint }>(
    `SELECT status::text, count(*) AS n FROM "StripeEvent" WHERE id = ANY($1::text[]) GROUP BY 1`,
    eventIds,
  );
  const by = Object.fromEntries(got.map((g) => [g.status, Number(g.n)]));
  const recorded = Object.values(by).reduce((a, b) => a + b, 0);
  if (recorded !== eventIds.length) failures.push(`Stripe events recorded ${recorded}/${eventIds.length}`);
  if ((by.PROCESSED ?? 0) !== recorded) failures.push(`Stripe events not PROCESSED: ${JSON.stringify(by)}`);
  return by;
}

/**
 * Waits until the outbox is drained, then: every delivery row SUCCEEDED, the receiver accepted
 * each (endpoint, event) exactly once and nothing it has no row for, and one payment.succeeded per
 * order and endpoint (a second payment.succeeded for one order would have a different id).
 */
export async function checkCallbacks(
  receiver: Receiver,
  failures: string[],
  timeoutMs: number,
  opts: { allowRedelivery?: boolean } = {},
) {
  const expected = async () =>
    rows<{ id: string; eventId: string; endpoint: string; status: string; type: string; orderId: string | null }>(
      `SELECT d.id, d."eventId", substring(e.url from '/([^/]+)/?$') AS endpoint, d.status::text, d."eventType" AS type,
              d.payload->'data'->>'orderId' AS "orderId"
         FROM "CallbackDelivery" d JOIN "CallbackEndpoint" e ON e.id = d."endpointId"`,
    );
  try {
    await waitFor(
      "every store callback delivered",
      async () => {
        const all = await expected();
        return all.length > 0 && all.every((d) => d.status !== "PENDING" && d.status !== "DELIVERING");
      },
      timeoutMs,
    );
  } catch (err) {
    failures.push(String((err as Error).message));
  }
  await new Promise((r) => setTimeout(r, 500));
  const all = await expected();
  const notDelivered = all.filter((d) => d.status !== "SUCCEEDED").length;
  let once = 0;
  let twice = 0;
  let missing = 0;
  const keys = new Set<string>();
  for (const d of all) {
    const key = `${d.endpoint}|${d.eventId}`;
    keys.add(key);
    const n = receiver.counts.get(key) ?? 0;
    if (n === 1) once++;
    else if (n === 0) missing++;
    else twice++;
  }
  const stray = [...receiver.counts.keys()].filter((k) => !keys.has(k)).length;
  const perOrder = new Map<string, number>();
  for (const d of all.filter((d) => d.type === "payment.succeeded")) {
    const k = `${d.endpoint}|${d.orderId}`;
    perOrder.set(k, (perOrder.get(k) ?? 0) + 1);
  }
  const paymentDoubled = [...perOrder.values()].filter((n) => n > 1).length;
  if (notDelivered) failures.push(`${notDelivered} callback deliveries not SUCCEEDED`);
  if (missing) failures.push(`${missing} callbacks never reached the receiver`);
  // After a kill -9 mid-attempt, a callback may be sent again under the same webhook-id (at least
  // once, receivers dedupe on it); anywhere else a second arrival is a failure.
  if (twice && !opts.allowRedelivery) failures.push(`${twice} callbacks reached the receiver more than once`);
  if (stray) failures.push(`${stray} callbacks at the receiver with no outbox row`);
  if (paymentDoubled) failures.push(`${paymentDoubled} orders got payment.succeeded twice at one endpoint`);
  return { total: all.length, once, twice, missing, paymentCallbacks: perOrder.size };
}

/** The audit trail's own verifier. */
export async function checkAudit(failures: string[]) {
  const { verifyAuditChain } = await import("../../lib/audit/log");
  const report = (await verifyAuditChain()) as { ok: boolean; reason?: string; checked?: number };
  if (!report.ok) failures.push(`audit chain: ${report.reason ?? JSON.stringify(report)}`);
  return report.ok;
}
