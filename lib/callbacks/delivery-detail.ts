// One delivery as the seller inspects it: the exact body sent, the headers that carry it (the
// signatures described, never computed here: that would need the secret), every attempt with the
// store's answer, and the payment it is about.
import "server-only";
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { DELIVERY_VIEW } from "./deliveries";
import { deliverySubject, type DeliverySubject } from "./delivery-subject";

export type DeliveryHeader = { name: string; value: string; note?: "per_attempt" | "signature" };

export type DeliveryDetail = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  endpoint: { id: string; url: string; secretPrefix: string };
  subject: DeliverySubject;
  /** The body exactly as every attempt sent it (JSON.stringify of the stored event). */
  body: string;
  headers: DeliveryHeader[];
  attemptLog: Array<{
    attempt: number;
    statusCode: number | null;
    error: string | null;
    latencyMs: number;
    responseExcerpt: string | null;
    createdAt: Date;
  }>;
};

/** The headers every attempt carries (lib/callbacks/deliver.ts, sign.ts), signatures as placeholders. */
export function describedHeaders(eventId: string, secretPrefix: string): DeliveryHeader[] {
  const key = `${secretPrefix}…`;
  return [
    { name: "content-type", value: "application/json" },
    { name: "user-agent", value: "Vitrine-Callbacks/1.0" },
    { name: "webhook-id", value: eventId },
    { name: "webhook-timestamp", value: "<unix seconds>", note: "per_attempt" },
    { name: "webhook-signature", value: `v1,<base64 HMAC-SHA256 · ${key}>`, note: "signature" },
    { name: "x-payments-signature", value: `sha256=<hex HMAC-SHA256 · ${key}>`, note: "signature" },
  ];
}

export async function getDeliveryDetail(storeId: string, id: string): Promise<DeliveryDetail> {
  const row = await prisma.callbackDelivery.findFirst({
    where: { id, storeId },
    select: {
      ...DELIVERY_VIEW,
      payload: true,
      endpoint: { select: { id: true, url: true, secretPrefix: true } },
      attemptLog: {
        select: {
          attempt: true,
          statusCode: true,
          error: true,
          latencyMs: true,
          responseExcerpt: true,
          createdAt: true,
        },
        orderBy: [{ attempt: "desc" }, { createdAt: "desc" }],
        take: 20,
      },
    },
  });
  if (!row) throw notFound("Delivery");
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    nextAttemptAt: row.nextAttemptAt,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    endpoint: row.endpoint,
    subject: deliverySubject(row.payload),
    body: JSON.stringify(row.payload),
    headers: describedHeaders(row.eventId, row.endpoint.secretPrefix),
    attemptLog: row.attemptLog,
  };
}
