// Records what one attempt did and decides what happens next: delivered, retry later, give up,
// or stop the endpoint (410 Gone, or failing without a break for CALLBACK_DISABLE_AFTER_HOURS).
import "server-only";
import { prisma } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/log";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import { endpointLabel } from "@/lib/notifications/scrub";
import { callbackEnv } from "./config";
import { disableEndpointTx } from "./endpoints";
import { retryDelaySeconds } from "./schedule";

export type AttemptOutcome = {
  kind: "success" | "gone" | "retryable" | "refused";
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
  excerpt: string | null;
  retryAfterSeconds: number | null;
};

export type DeliveryResult = "succeeded" | "retrying" | "failed" | "canceled" | "stale";

type Claimed = { id: string; storeId: string; endpointId: string; attempts: number };

/** Fenced on (status DELIVERING, attempts): a worker whose lease ran out cannot overwrite a newer attempt's result. */
export async function recordAttempt(claim: Claimed, outcome: AttemptOutcome, now: Date): Promise<DeliveryResult> {
  const config = callbackEnv();
  return prisma.$transaction(async (tx) => {
    await tx.callbackAttempt.create({
      data: {
        storeId: claim.storeId,
        deliveryId: claim.id,
        attempt: claim.attempts,
        statusCode: outcome.statusCode,
        error: outcome.error,
        latencyMs: outcome.latencyMs,
        responseExcerpt: outcome.excerpt,
      },
    });
    let result: DeliveryResult;
    let nextAttemptAt = now;
    if (outcome.kind === "success") result = "succeeded";
    else if (outcome.kind === "retryable") {
      const delay = retryDelaySeconds(claim.attempts);
      // Retry-After is honoured while the schedule has attempts left; it never adds attempts.
      const wait = delay === null ? null : (outcome.retryAfterSeconds ?? delay);
      result = wait === null ? "failed" : "retrying";
      if (wait !== null) nextAttemptAt = new Date(now.getTime() + wait * 1000);
    } else result = "failed";
    const status = result === "succeeded" ? "SUCCEEDED" : result === "retrying" ? "PENDING" : "FAILED";
    const { count } = await tx.callbackDelivery.updateMany({
      where: { id: claim.id, status: "DELIVERING", attempts: claim.attempts },
      data: {
        status,
        nextAttemptAt,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        lastLatencyMs: outcome.latencyMs,
        lastResponseExcerpt: outcome.excerpt,
        ...(result === "succeeded" ? { deliveredAt: now } : {}),
      },
    });
    if (count === 0) return "stale";

    if (outcome.kind === "success") {
      await tx.callbackEndpoint.update({
        where: { id: claim.endpointId },
        data: { consecutiveFailures: 0, failingSince: null, lastSuccessAt: now },
      });
      return result;
    }
    const endpoint = await tx.callbackEndpoint.update({
      where: { id: claim.endpointId },
      data: { consecutiveFailures: { increment: 1 }, lastFailureAt: now },
      select: { consecutiveFailures: true, url: true, failingSince: true },
    });
    // The streak starts at its first failure (a success clears it).
    const failingSince = endpoint.failingSince ?? now;
    if (!endpoint.failingSince)
      await tx.callbackEndpoint.update({ where: { id: claim.endpointId }, data: { failingSince: now } });
    // "failing" needs both many failures in a row and a streak older than the window: a store that is
    // down for an hour (or a day) keeps its endpoint and gets every queued event once it is back.
    const failing =
      endpoint.consecutiveFailures >= config.CALLBACK_DISABLE_AFTER_FAILURES &&
      now.getTime() - failingSince.getTime() >= config.CALLBACK_DISABLE_AFTER_HOURS * 3_600_000;
    const reason = outcome.kind === "gone" ? "gone" : failing ? "failing" : null;
    if (reason && (await disableEndpointTx(tx, claim.endpointId, reason, now))) {
      await appendAudit(
        tx,
        { actor: { type: "system" } },
        {
          action: "callback_endpoint.disabled",
          storeId: claim.storeId,
          target: { type: "callback_endpoint", id: claim.endpointId },
          after: {
            enabled: false,
            reason,
            consecutiveFailures: endpoint.consecutiveFailures,
            statusCode: outcome.statusCode,
          },
        },
      );
      await enqueueNotification(tx, {
        storeId: claim.storeId,
        event: "callback_endpoint_disabled",
        subjectId: `${claim.endpointId}:${now.getTime()}`,
        payload: {
          endpointId: claim.endpointId,
          endpointUrl: endpointLabel(endpoint.url),
          reason,
          consecutiveFailures: endpoint.consecutiveFailures,
        },
      });
    }
    return result;
  });
}
