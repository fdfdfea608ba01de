// The outbox writer: called inside the transaction that changes an order or subscription, so a
// callback exists exactly when the state change does. Delivery happens later, in the worker.
import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { SQL_ROW_ID, sqlExecute } from "@/lib/db/raw";
import { enqueue } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { isLiveMode } from "@/lib/stripe/client";
import { CALLBACKS_DELIVER_JOB } from "./config";
import type { StoreEvent, StoreEventPayload } from "./contract";
import type { StoreEventType } from "./event-types";
import { wakeDeliveries } from "./pump";

export type { StoreEventType } from "./event-types";
/** A whole callback body as the store receives it (lib/callbacks/contract.ts). */
export type StoreEventBody = StoreEvent;

/** `evt_` + 24 hex chars of sha256("sourceKey:type"): a replay of the same source event gets the same id. */
export function storeEventId(sourceKey: string, type: StoreEventType): string {
  return `evt_${createHash("sha256").update(`${sourceKey}:${type}`).digest("hex").slice(0, 24)}`;
}

/** The body for a built payload (lib/callbacks/contract.ts builders): id, type, created, livemode, data, in that order. */
export function buildStoreEvent(
  input: StoreEventPayload & { sourceKey: string; livemode?: boolean },
  created = new Date(),
): StoreEventBody {
  // input is one member of the union, so its type and data belong together; TypeScript loses that pairing in a new literal.
  return {
    id: storeEventId(input.sourceKey, input.type),
    type: input.type,
    created: Math.floor(created.getTime() / 1000),
    livemode: input.livemode ?? isLiveMode(),
    data: input.data,
  } as StoreEventBody;
}

/** One outbox row per endpoint; a row that already exists for (eventId, endpointId) is left alone. */
export async function writeDeliveries(
  tx: Tx,
  storeId: string,
  event: StoreEventBody,
  endpointIds: string[],
): Promise<number> {
  if (endpointIds.length === 0) return 0;
  const { count } = await tx.callbackDelivery.createMany({
    data: endpointIds.map((endpointId) => ({
      storeId,
      endpointId,
      eventId: event.id,
      eventType: event.type,
      payload: event as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  return count;
}

/** Writes one outbox row per enabled endpoint of the store whose filter accepts the type, inside tx. Idempotent on sourceKey: the same (sourceKey, type) never enqueues twice. Returns the event id. */
export async function enqueueStoreEvent(
  tx: Tx,
  input: StoreEventPayload & { storeId: string; sourceKey: string; livemode?: boolean },
): Promise<{ eventId: string; deliveries: number }> {
  if (input.data.storeId !== input.storeId) throw new Error("enqueueStoreEvent: data.storeId must equal storeId");
  if (!input.sourceKey) throw new Error("enqueueStoreEvent: sourceKey is required");
  const event = buildStoreEvent(input);
  // One statement (raw: this runs inside every payment's transaction, lib/db/raw.ts): a row per
  // enabled endpoint whose filter takes the type; an existing (eventId, endpointId) row is kept.
  const now = new Date();
  const deliveries = await sqlExecute(
    tx,
    `INSERT INTO "CallbackDelivery" ("id", "storeId", "endpointId", "eventId", "eventType", "payload",
       "nextAttemptAt", "createdAt", "updatedAt")
     SELECT ${SQL_ROW_ID}, e."storeId", e."id", $2, $3, $4::jsonb, $5, $5, $5
     FROM "CallbackEndpoint" e
     WHERE e."storeId" = $1 AND e."enabled" AND (cardinality(e."eventTypes") = 0 OR $3 = ANY (e."eventTypes"))
     ON CONFLICT ("eventId", "endpointId") DO NOTHING`,
    input.storeId,
    event.id,
    event.type,
    JSON.stringify(event),
    now,
  );
  return { eventId: event.id, deliveries };
}

/**
 * Asks for delivery now instead of at the next once-a-minute sweep: this process's pump at once
 * when it delivers callbacks, and a job for the runner (another instance may take it). Call it
 * after your transaction commits; it never throws, and does nothing where no runner is started.
 */
export async function kickDeliveries(options: { startAfterSeconds?: number; followUp?: boolean } = {}): Promise<void> {
  if (!options.startAfterSeconds) wakeDeliveries();
  try {
    await enqueue(
      CALLBACKS_DELIVER_JOB,
      { followUp: options.followUp ?? false },
      { startAfterSeconds: options.startAfterSeconds },
    );
  } catch (err) {
    if (err instanceof Error && err.message === "Job runner not started") return;
    logger.warn({ err }, "could not enqueue callback delivery job; the cron sweep will deliver");
  }
}
