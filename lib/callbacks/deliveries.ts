// The delivery log of a store and the seller's manual actions on it: redeliver, replay, test event.
import "server-only";
import { randomUUID } from "node:crypto";
import type { CallbackStatus } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { testPaymentSucceeded } from "./contract";
import { deliverySubject } from "./delivery-subject";
import { buildStoreEvent, writeDeliveries } from "./enqueue";

export const DELIVERY_VIEW = {
  id: true,
  endpointId: true,
  eventId: true,
  eventType: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  lastLatencyMs: true,
  lastResponseExcerpt: true,
  deliveredAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** A filter naming another store's endpoint (or none at all) is a 404, as everywhere else: never an empty answer. */
async function assertOwnEndpoint(db: Pick<Tx, "callbackEndpoint">, storeId: string, endpointId: string | undefined) {
  if (endpointId !== undefined && (await db.callbackEndpoint.count({ where: { id: endpointId, storeId } })) === 0)
    throw notFound("Callback endpoint");
}

/**
 * The delivery log's keyset cursor: the (createdAt, id) of a page's last row, opaque to callers. A
 * new delivery is newer than any cursor, so pages never skip or repeat a row under inserts.
 */
function encodeDeliveryCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

function decodeDeliveryCursor(raw: string): { at: Date; id: string } {
  const [iso, id, ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (rest.length || !id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || Number.isNaN(at.getTime()))
    throw new AppError("validation_failed", "The cursor is not one this API returned.", { param: "cursor" });
  return { at, id };
}

/**
 * One page of the store's delivery log, newest first, and the cursor of the next. Walks the
 * (storeId, createdAt, id) or (storeId, status, createdAt, id) index from the cursor and stops
 * after `limit` rows: a page costs the same at 1k and 1M deliveries (docs/operations.md "Seller
 * lists at 1M rows"). No total is counted.
 */
export async function pageDeliveries(
  storeId: string,
  query: { status?: CallbackStatus; endpointId?: string; limit: number; cursor?: string },
) {
  const after = query.cursor ? decodeDeliveryCursor(query.cursor) : null;
  await assertOwnEndpoint(prisma, storeId, query.endpointId);
  const rows = await prisma.callbackDelivery.findMany({
    where: {
      storeId,
      status: query.status,
      endpointId: query.endpointId,
      // (createdAt, id) < cursor, spelled so the bound on createdAt is an index condition.
      ...(after
        ? { createdAt: { lte: after.at }, OR: [{ createdAt: { lt: after.at } }, { id: { lt: after.id } }] }
        : {}),
    },
    select: { ...DELIVERY_VIEW, payload: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  // The body stays out of the list (GET …/deliveries/:id has it); the payment it is about comes along.
  return {
    data: page.map(({ payload, ...row }) => ({ ...row, subject: deliverySubject(payload) })),
    nextCursor: rows.length > query.limit && last ? encodeDeliveryCursor(last.createdAt, last.id) : null,
  };
}

/**
 * Sends a delivery again now, under the same event id so the store deduplicates it. A row still
 * in its retry schedule just moves its next attempt to now; a finished one gets one more attempt.
 */
export async function redeliver(storeId: string, deliveryId: string, audit: AuditContext, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const delivery = await tx.callbackDelivery.findFirst({
      where: { id: deliveryId, storeId },
      select: { id: true, status: true, eventId: true, endpoint: { select: { enabled: true } } },
    });
    if (!delivery) throw notFound("Delivery");
    if (!delivery.endpoint.enabled)
      throw new AppError("conflict", "This endpoint is disabled. Re-enable it before redelivering.");
    const { count } = await tx.callbackDelivery.updateMany({
      where: { id: deliveryId, status: { not: "DELIVERING" } },
      data: { status: "PENDING", nextAttemptAt: now },
    });
    if (count === 0) throw new AppError("conflict", "This delivery is being sent right now.");
    await appendAudit(tx, audit, {
      action: "callback.redelivered",
      storeId,
      target: { type: "callback_delivery", id: deliveryId },
      before: { status: delivery.status },
      after: { status: "PENDING", eventId: delivery.eventId },
    });
    return tx.callbackDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: DELIVERY_VIEW });
  });
}

/** Resets every delivery of the store created since `since` (to enabled endpoints) to be sent again now. */
export async function replaySince(
  storeId: string,
  since: Date,
  audit: AuditContext,
  opts: { endpointId?: string; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  if (since > now) throw new AppError("validation_failed", "since: Pick a time in the past.", { param: "since" });
  return prisma.$transaction(async (tx) => {
    await assertOwnEndpoint(tx, storeId, opts.endpointId);
    const { count } = await tx.callbackDelivery.updateMany({
      where: {
        storeId,
        createdAt: { gte: since },
        status: { not: "DELIVERING" },
        endpointId: opts.endpointId,
        endpoint: { enabled: true },
      },
      data: { status: "PENDING", nextAttemptAt: now },
    });
    await appendAudit(tx, audit, {
      action: "callback.replayed",
      storeId,
      target: { type: "store", id: storeId },
      after: { since: since.toISOString(), endpointId: opts.endpointId ?? null, deliveries: count },
    });
    return { replayed: count };
  });
}

/** A `payment.succeeded` with `data.test: true` to one endpoint (or every enabled one), whatever their filters. */
export async function sendTestEvent(
  store: { id: string; currency: string },
  audit: AuditContext,
  opts: { endpointId?: string; sourceKey?: string } = {},
) {
  return prisma.$transaction(async (tx) => {
    const endpoints = await tx.callbackEndpoint.findMany({
      where: { storeId: store.id, enabled: true, id: opts.endpointId },
      select: { id: true },
    });
    if (endpoints.length === 0) {
      await assertOwnEndpoint(tx, store.id, opts.endpointId);
      throw new AppError("conflict", "There is no enabled callback endpoint to send a test event to.");
    }
    const event = buildStoreEvent({
      sourceKey: `test:${opts.sourceKey ?? randomUUID()}`,
      ...testPaymentSucceeded(store),
    });
    const deliveries = await writeDeliveries(
      tx,
      store.id,
      event,
      endpoints.map((e) => e.id),
    );
    await appendAudit(tx, audit, {
      action: "callback.test_sent",
      storeId: store.id,
      target: { type: "callback_event", id: event.id },
      after: { endpoints: endpoints.length, deliveries },
    });
    return { eventId: event.id, deliveries };
  });
}
