// Store callback endpoints: create, edit, enable/disable, rotate the signing secret, delete.
// Every change is audited in its own transaction; another store's endpoint is a 404.
import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";
import { MAX_ENDPOINTS_PER_STORE } from "./config";
import type { DisabledReason } from "./event-types";
import type { CreateEndpointInput, UpdateEndpointInput } from "./schemas";
import { sealSecret } from "./secrets";
import { generateSigningSecret, signingSecretPrefix } from "./sign";
import { checkCallbackUrl, type CheckOptions } from "./ssrf";

export const ENDPOINT_VIEW = {
  id: true,
  url: true,
  enabled: true,
  eventTypes: true,
  secretPrefix: true,
  previousSecretExpiresAt: true,
  consecutiveFailures: true,
  disabledReason: true,
  disabledAt: true,
  lastSuccessAt: true,
  lastFailureAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

type StoreRef = { id: string; storeDomain: string | null };

export function defaultEndpointUrl(storeDomain: string | null): string | null {
  return storeDomain ? `${new URL(storeDomain).origin}/payments/events/` : null;
}

async function assertAllowed(url: string, opts?: CheckOptions): Promise<string> {
  const check = await checkCallbackUrl(url, opts);
  if (!check.ok)
    throw new AppError("url_not_allowed", `Callbacks can only go to public http(s) addresses: ${check.reason}.`, {
      param: "url",
    });
  return check.url.toString();
}

async function findOwned(tx: Tx, storeId: string, endpointId: string) {
  const endpoint = await tx.callbackEndpoint.findFirst({ where: { id: endpointId, storeId }, select: ENDPOINT_VIEW });
  if (!endpoint) throw notFound("Callback endpoint");
  return endpoint;
}

export function listEndpoints(storeId: string) {
  return prisma.callbackEndpoint.findMany({ where: { storeId }, select: ENDPOINT_VIEW, orderBy: { createdAt: "asc" } });
}

/** Creates an endpoint; the secret is returned once and stored encrypted with a visible prefix. */
export async function createEndpoint(
  store: StoreRef,
  input: CreateEndpointInput,
  audit: AuditContext,
  opts?: CheckOptions,
) {
  const raw = input.url ?? defaultEndpointUrl(store.storeDomain);
  if (!raw)
    throw new AppError("validation_failed", "url: Enter the URL of your store's callback endpoint.", { param: "url" });
  const url = await assertAllowed(raw, opts);
  const secret = generateSigningSecret();
  const prefix = signingSecretPrefix(secret);
  const endpoint = await prisma.$transaction(async (tx) => {
    if ((await tx.callbackEndpoint.count({ where: { storeId: store.id } })) >= MAX_ENDPOINTS_PER_STORE)
      throw new AppError("conflict", `A store can have at most ${MAX_ENDPOINTS_PER_STORE} callback endpoints.`);
    const row = await tx.callbackEndpoint.create({
      data: {
        storeId: store.id,
        url,
        eventTypes: input.eventTypes ?? [],
        enabled: input.enabled ?? true,
        secretEnc: "",
        secretPrefix: prefix,
      },
      select: { id: true },
    });
    // The ciphertext is bound to the row id, which exists only now.
    const created = await tx.callbackEndpoint.update({
      where: { id: row.id },
      data: { secretEnc: sealSecret(row.id, secret) },
      select: ENDPOINT_VIEW,
    });
    await appendAudit(tx, audit, {
      action: "callback_endpoint.created",
      storeId: store.id,
      target: { type: "callback_endpoint", id: row.id },
      after: { url, eventTypes: created.eventTypes, enabled: created.enabled, prefix },
    });
    return created;
  });
  return { endpoint, secret };
}

/** Stops deliveries to an endpoint and cancels what is still waiting for it (the seller can replay later). */
export async function disableEndpointTx(
  tx: Tx,
  endpointId: string,
  reason: DisabledReason,
  now = new Date(),
): Promise<boolean> {
  const { count } = await tx.callbackEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledReason: reason, disabledAt: now },
  });
  await tx.callbackDelivery.updateMany({
    where: { endpointId, status: "PENDING" },
    data: { status: "CANCELED", lastError: `endpoint disabled (${reason})` },
  });
  return count > 0;
}

export async function updateEndpoint(
  storeId: string,
  endpointId: string,
  input: UpdateEndpointInput,
  audit: AuditContext,
  opts?: CheckOptions,
) {
  const url = input.url !== undefined ? await assertAllowed(input.url, opts) : undefined;
  return prisma.$transaction(async (tx) => {
    const before = await findOwned(tx, storeId, endpointId);
    if (input.enabled === false && before.enabled) await disableEndpointTx(tx, endpointId, "manual");
    const enabling = input.enabled === true && !before.enabled;
    const after = await tx.callbackEndpoint.update({
      where: { id: endpointId },
      data: {
        url,
        eventTypes: input.eventTypes,
        ...(enabling
          ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null }
          : {}),
      },
      select: ENDPOINT_VIEW,
    });
    await appendAudit(tx, audit, {
      action: "callback_endpoint.updated",
      storeId,
      target: { type: "callback_endpoint", id: endpointId },
      before: { url: before.url, eventTypes: before.eventTypes, enabled: before.enabled },
      after: { url: after.url, eventTypes: after.eventTypes, enabled: after.enabled },
    });
    return after;
  });
}

/** New secret now; the old one keeps signing beside it for overlapHours so the store can switch without a gap. */
export async function rotateEndpointSecret(
  storeId: string,
  endpointId: string,
  overlapHours: number,
  audit: AuditContext,
  now = new Date(),
) {
  const secret = generateSigningSecret();
  const prefix = signingSecretPrefix(secret);
  const endpoint = await prisma.$transaction(async (tx) => {
    const before = await findOwned(tx, storeId, endpointId);
    const current = await tx.callbackEndpoint.findUniqueOrThrow({
      where: { id: endpointId },
      select: { secretEnc: true },
    });
    const overlapEnds = overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null;
    const after = await tx.callbackEndpoint.update({
      where: { id: endpointId },
      data: {
        secretEnc: sealSecret(endpointId, secret),
        secretPrefix: prefix,
        previousSecretEnc: overlapEnds ? current.secretEnc : null,
        previousSecretExpiresAt: overlapEnds,
      },
      select: ENDPOINT_VIEW,
    });
    await appendAudit(tx, audit, {
      action: "callback_endpoint.secret_rotated",
      storeId,
      target: { type: "callback_endpoint", id: endpointId },
      before: { prefix: before.secretPrefix },
      after: { prefix, overlapEndsAt: overlapEnds?.toISOString() ?? null },
    });
    return after;
  });
  return { endpoint, secret };
}

/** Deletes the endpoint with its delivery log (the events themselves live on in orders and the audit log). */
export async function deleteEndpoint(storeId: string, endpointId: string, audit: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const before = await findOwned(tx, storeId, endpointId);
    const deliveries = await tx.callbackDelivery.findMany({ where: { endpointId }, select: { id: true } });
    const ids = deliveries.map((d) => d.id);
    await tx.callbackAttempt.deleteMany({ where: { deliveryId: { in: ids } } });
    await tx.callbackDelivery.deleteMany({ where: { endpointId } });
    await tx.callbackEndpoint.delete({ where: { id: endpointId } });
    await appendAudit(tx, audit, {
      action: "callback_endpoint.deleted",
      storeId,
      target: { type: "callback_endpoint", id: endpointId },
      before: { url: before.url, prefix: before.secretPrefix, deliveries: ids.length },
    });
    return { id: endpointId, deleted: true };
  });
}
