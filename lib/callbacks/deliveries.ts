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

export async function listDeliveries(
  storeId: string,
  query: { status?: CallbackStatus; endpointId?: string; limit: number },
) {
  await assertOwnEndpoint(prisma, storeId, query.endpointId);
  const rows = await prisma.callbackDelivery.findMany({
    where: { storeId, status: query.status, endpointId: query.endpointId },
    select: { ...DELIVERY_VIEW, payload: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  // The body stays out of the list (GET …/deliveries/:id has it); the payment it is about comes along.
  return rows.map(({ payload, ...row }) => ({ ...row, subject: deliverySubject(payload) }));
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
