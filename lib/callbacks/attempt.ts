// One attempt over HTTP, without the database: the endpoint's checks are done once per batch
// (URL allowed, secrets opened, agent picked), then each claimed row is signed and POSTed.
import "server-only";
import type http from "node:http";
import type { LookupFunction } from "node:net";
import { prisma } from "@/lib/db/client";
import { agentFor } from "./agents";
import { REQUEST_TIMEOUT_MS } from "./config";
import type { ClaimedDelivery } from "./claim";
import type { AttemptOutcome } from "./outcome";
import { describeError, postCallback } from "./post";
import { classifyStatus, parseRetryAfter } from "./schedule";
import { activeSecrets } from "./secrets";
import { signCallback } from "./sign";
import { checkCallbackUrl, guardedLookup, isAllowListed, type Resolver } from "./ssrf";

export type Target =
  | { kind: "disabled" }
  | { kind: "refused"; error: string }
  | { kind: "ready"; url: URL; secrets: string[]; lookup?: LookupFunction; agent: http.Agent };

/** What each endpoint of a batch needs for sending; a disabled (or deleted) endpoint sends nothing. */
export async function loadTargets(
  endpointIds: string[],
  now: Date,
  opts: { cap: number; resolve?: Resolver },
): Promise<Map<string, Target>> {
  const endpoints = await prisma.callbackEndpoint.findMany({
    where: { id: { in: [...new Set(endpointIds)] } },
    select: {
      id: true,
      url: true,
      enabled: true,
      secretEnc: true,
      previousSecretEnc: true,
      previousSecretExpiresAt: true,
    },
  });
  const targets = new Map<string, Target>(endpointIds.map((id) => [id, { kind: "disabled" }]));
  await Promise.all(
    endpoints
      .filter((e) => e.enabled)
      .map(async (endpoint) => {
        const check = await checkCallbackUrl(endpoint.url, { resolve: opts.resolve });
        if (!check.ok) {
          targets.set(endpoint.id, { kind: "refused", error: `url_not_allowed: ${check.reason}` });
          return;
        }
        targets.set(endpoint.id, {
          kind: "ready",
          url: check.url,
          secrets: activeSecrets(endpoint, now),
          lookup: isAllowListed(check.url.hostname) ? undefined : guardedLookup(opts.resolve),
          agent: agentFor(endpoint.id, check.url, opts.cap),
        });
      }),
  );
  return targets;
}

/** Signs and POSTs one claimed row. Never throws: a transport failure is a retryable outcome. */
export async function sendAttempt(
  claim: ClaimedDelivery,
  target: Target & { kind: "ready" | "refused" },
  now: Date,
): Promise<AttemptOutcome> {
  if (target.kind === "refused") return refused(target.error, 0);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const body = JSON.stringify(claim.payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Vitrine-Callbacks/1.0",
    // Signatures always carry the real time, whatever the scheduler's clock says.
    ...signCallback({ id: claim.eventId, timestamp: Math.floor(Date.now() / 1000), body, secrets: target.secrets }),
  };
  try {
    const res = await postCallback(target.url, body, headers, {
      timeoutMs: REQUEST_TIMEOUT_MS,
      lookup: target.lookup,
      agent: target.agent,
    });
    return {
      kind: classifyStatus(res.status),
      statusCode: res.status,
      error: null,
      latencyMs: elapsed(),
      excerpt: res.excerpt || null,
      retryAfterSeconds: parseRetryAfter(res.retryAfter, now),
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOTPUBLIC")
      return refused(`url_not_allowed: ${describeError(err)}`, elapsed());
    return {
      kind: "retryable",
      statusCode: null,
      error: describeError(err),
      latencyMs: elapsed(),
      excerpt: null,
      retryAfterSeconds: null,
    };
  }
}

function refused(error: string, latencyMs: number): AttemptOutcome {
  return {
    kind: "refused",
    statusCode: null,
    error,
    latencyMs,
    excerpt: null,
    retryAfterSeconds: null,
  };
}
