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
