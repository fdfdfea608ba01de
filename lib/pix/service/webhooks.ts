// Inbound PIX webhooks. The URL names the gateway and the configuration's unguessable token, so
// the tenant is known before the body is read. The body is only a hint: the charge is matched
// inside the tenant, re-read at the gateway, and only then moved through the transition table.
import "server-only";
import type { PixCharge, PixGatewayConfig } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { AppError, notFound } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body";
import { logger } from "@/lib/log/logger";
import { isPixGatewayError } from "@/lib/pix/errors";
import { matchWebhook, type MatchCandidate } from "@/lib/pix/match";
import { isPixGatewayId } from "@/lib/pix/registry";
import type { PixChargeState } from "@/lib/pix/status";
import type { PixGateway, PixWebhookEvent } from "@/lib/pix/types";
import { applyPixStatus, type StatusReport } from "./apply";
import { describeGatewayError } from "./errors";
import { GATEWAY_AUDIT, rereadAtGateway, type GatewayReread } from "./refresh";
import { gatewayFor } from "./runtime";
import { sqlExecute, sqlQuery } from "@/lib/db/raw";

export type WebhookOutcome = "accepted" | "ignored" | "unmatched" | "rejected" | "error";
export type WebhookResult = { status: number; body: { received: boolean; outcome?: WebhookOutcome; events?: number } };

const MAX_WEBHOOK_BYTES = 64 * 1024;
const AMOUNT_WINDOW_MS = 30 * 60 * 1000;

async function findEndpoint(gateway: string, endpointToken: string): Promise<PixGatewayConfig> {
  if (!isPixGatewayId(gateway) || gateway === "direct_key") throw notFound("Webhook endpoint");
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(endpointToken)) throw notFound("Webhook endpoint");
  // Raw SQL on this path and below: a Prisma model query costs ~1 ms of CPU to plan (docs/operations.md).
  const [config] = await sqlQuery<PixGatewayConfig>(
    prisma,
    `SELECT * FROM "PixGatewayConfig" WHERE "endpointToken" = $1`,
    endpointToken,
  );
  // A token of another gateway is as unknown as a made-up one.
  if (!config || config.gateway !== gateway) throw notFound("Webhook endpoint");
  return config;
}

function candidatesFor(config: PixGatewayConfig, event: PixWebhookEvent, now: Date): Promise<PixCharge[]> {
  const params: unknown[] = [config.storeId, config.id];
  const or: string[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (event.transactionId) or.push(`"transactionId" = ${param(event.transactionId)}`);
  if (event.hash) or.push(`"hash" = ${param(event.hash)}`);
  if (event.reference) or.push(`"reference" = ${param(event.reference)}`);
  if (event.amountCentavos > 0)
    or.push(
      `("status" = 'pending' AND "amountCentavos" = ${param(event.amountCentavos)} AND "createdAt" >= ${param(
        new Date(now.getTime() - AMOUNT_WINDOW_MS),
      )})`,
    );
  if (or.length === 0) return Promise.resolve([]);
  // Always inside the tenant and the configuration whose URL was called.
  return sqlQuery<PixCharge>(
    prisma,
    `SELECT * FROM "PixCharge" WHERE "storeId" = $1 AND "gatewayConfigId" = $2 AND (${or.join(" OR ")}) LIMIT 20`,
    ...params,
  );
}

const asCandidate = (c: PixCharge): MatchCandidate & { row: PixCharge } => ({
  id: c.id,
  storeId: c.storeId,
  gatewayId: c.gateway ?? "",
  transactionId: c.transactionId,
  hash: c.hash,
  reference: c.reference,
  amountCentavos: c.amountCentavos,
  status: c.status as PixChargeState,
  createdAt: c.createdAt,
  producerHash: c.producerHash,
  row: c,
});

type EventOutcome = { outcome: WebhookOutcome; chargeId?: string; by?: string; detail: string };

async function handleEvent(
  config: PixGatewayConfig,
  gw: PixGateway,
  event: PixWebhookEvent,
  now: Date,
): Promise<EventOutcome> {
  const candidates = (await candidatesFor(config, event, now)).map(asCandidate);
  const match = matchWebhook({
    storeId: config.storeId,
    gatewayId: config.gateway,
    event,
    candidates,
    expectedProducerHash: config.producerHash,
    now,
    amountWindowMs: AMOUNT_WINDOW_MS,
  });
  if (!match.charge) return { outcome: "unmatched", detail: match.reason };
  const charge = match.charge.row;
  const by = match.by + (match.flagged ? " (flagged)" : "");
  if (match.flagged)
    logger.warn(
      { chargeId: charge.id, gateway: config.gateway, amount: event.amountCentavos },
      "pix: webhook matched by amount only; acting only on the gateway's answer",
    );

  const audit = GATEWAY_AUDIT(config.gateway);
  let report: StatusReport;
  if (gw.capabilities.statusQuery && charge.transactionId) {
    // why: no gateway signs its webhooks, so the body is a hint and the gateway's own answer decides.
    let reread: GatewayReread;
    try {
      reread = await rereadAtGateway(charge, config, "webhook", now, gw);
    } catch (err) {
      // The gateway can't confirm right now: the reconciler re-reads this charge on its next run.
      if (charge.status === "pending")
        await prisma.pixCharge.update({ where: { id: charge.id }, data: { nextCheckAt: now } });
      const { code, message } = describeGatewayError(err);
      logger.warn(
        { chargeId: charge.id, gateway: config.gateway, code },
        "pix: webhook could not be confirmed at the gateway; re-check scheduled",
      );
      return { outcome: "error", chargeId: charge.id, by, detail: `re-check scheduled: ${code}: ${message}` };
    }
    if (!reread.read) {
      // The gateway's read budget for this charge is spent (PushinPay: one read a minute): the
      // reconciler re-reads it as soon as the budget allows.
      if (charge.status === "pending")
        await prisma.pixCharge.update({ where: { id: charge.id }, data: { nextCheckAt: reread.retryAt } });
      return {
        outcome: "ignored",
        chargeId: charge.id,
        by,
        detail: `deferred: the gateway's status-read budget is spent; re-check scheduled at ${reread.retryAt.toISOString()}`,
      };
    }
    report = reread.report;
    if (event.status !== report.status)
      logger.warn(
        { chargeId: charge.id, said: event.status, gateway: report.status },
        "pix: webhook body disagrees with the gateway; the gateway wins",
      );
  } else {
    if (match.flagged)
      return { outcome: "ignored", chargeId: charge.id, by, detail: "amount-only match without a status query" };
    report = {
      status: event.status,
      amountCentavos: event.amountCentavos,
      refundedCentavos: event.refundedCentavos,
      rawStatus: event.rawStatus,
      verified: false,
      source: "webhook",
    };
  }
  const result = await applyPixStatus(charge.id, report, audit);
  const outcome: WebhookOutcome =
    result.outcome === "changed" || result.outcome === "refund_recorded"
      ? "accepted"
      : result.outcome === "underpaid"
        ? "rejected"
        : "ignored";
  return {
    outcome,
    chargeId: charge.id,
    by,
    detail: `${result.outcome}: ${result.reason}; now ${result.charge.status}`,
  };
}

async function logEvent(config: PixGatewayConfig, body: string, contentType: string | null, e: EventOutcome) {
  await sqlExecute(
    prisma,
    `INSERT INTO "PixWebhookEvent" ("id", "storeId", "gatewayConfigId", "gateway", "body", "contentType", "outcome",
       "matchedChargeId", "matchedBy", "detail", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    newRowId(),
    config.storeId,
    config.id,
    config.gateway,
    body.slice(0, MAX_WEBHOOK_BYTES),
    contentType,
    e.outcome,
    e.chargeId ?? null,
    e.by ?? null,
    e.detail.slice(0, 500),
    new Date(), // not the column default: CURRENT_TIMESTAMP follows the session's time zone, Prisma writes UTC
  );
}

/**
 * 404 unknown endpoint; 400 malformed body; 503 only when we failed ourselves (the gateway retries);
 * otherwise 200, matched or not — a charge whose status could not be re-read at the gateway is
 * scheduled for the reconciler's next run.
 */
export async function handlePixWebhook(
  gateway: string,
  endpointToken: string,
  req: Request,
  now = new Date(),
): Promise<WebhookResult> {
  const config = await findEndpoint(gateway, endpointToken);
  const body = await readBodyText(req, MAX_WEBHOOK_BYTES);
  const contentType = req.headers.get("content-type");
  const gw = gatewayFor(config);
  let events: PixWebhookEvent[];
  try {
    events = gw.parseWebhook({ body, headers: req.headers });
  } catch (err) {
    const { code, message } = describeGatewayError(err);
    await logEvent(config, body, contentType, { outcome: "rejected", detail: `${code}: ${message}` });
    if (isPixGatewayError(err)) throw new AppError("bad_request", "The webhook body could not be read.");
    throw err;
  }
  if (events.length === 0) {
    await logEvent(config, body, contentType, { outcome: "ignored", detail: "no events in the body" });
    return { status: 200, body: { received: true, outcome: "ignored", events: 0 } };
  }
  let internal = false;
  const outcomes: WebhookOutcome[] = [];
  for (const event of events) {
    let e: EventOutcome;
    try {
      e = await handleEvent(config, gw, event, now);
    } catch (err) {
      const { code, message } = describeGatewayError(err);
      internal ||= !isPixGatewayError(err);
      e = { outcome: "error", detail: `${code}: ${message}` };
      logger.warn({ gateway, configId: config.id, code }, "pix: webhook could not be processed");
    }
    outcomes.push(e.outcome);
    await logEvent(config, body, contentType, e);
  }
  // Our own failure (e.g. the database) asks the gateway to retry; a gateway that couldn't be
  // re-read still gets its 200: the charge is re-checked by the reconciler on its next run.
  if (internal) return { status: 503, body: { received: false, outcome: "error", events: events.length } };
  const outcome = outcomes.includes("accepted") ? "accepted" : outcomes[0]!;
  return { status: 200, body: { received: true, outcome, events: events.length } };
}
