// The sender: claims due outbox rows (SKIP LOCKED, with a lease), sends each once by email or
// Slack, and records the outcome fenced on the claim, so several workers never send a row twice
// and a worker that outlived its lease cannot overwrite a newer attempt.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env/server";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { invoicePdfAttachment } from "./attachments";
import { LEASE_SECONDS, MAX_ATTEMPTS, retryDelaySeconds, SEND_BATCH } from "./config";
import { SLACK_PLATFORM, SLACK_STORE } from "./enqueue";
import { isNotificationEvent } from "./events";
import { describeFailure } from "./redact";
import { renderEmail, renderSlack, type RenderTarget } from "./render";
import { openSlackWebhook, postToSlack } from "./slack";
import { mailDomain, sendEmail, type SendResult } from "./transport";

export type SendOptions = {
  /** The scheduler's clock: which rows are due, when retries fall. */
  now?: Date;
  limit?: number;
};

export type SendOutcome = "sent" | "retrying" | "dead" | "stale";
export type SendReport = { claimed: number } & Record<SendOutcome, number>;

type Claim = { id: string; attempts: number };

const CLAIM_SQL = `
WITH due AS (
  SELECT id FROM "Notification"
  WHERE (status IN ('pending', 'failed') AND "nextAttemptAt" <= $1::timestamp(3))
     OR (status = 'sending' AND "lockedUntil" <= $1::timestamp(3))
  ORDER BY "nextAttemptAt" ASC
  LIMIT $2::int
  FOR UPDATE SKIP LOCKED
)
UPDATE "Notification" n
SET status = 'sending', attempts = n.attempts + 1, "lockedUntil" = $3::timestamp(3), "updatedAt" = $4::timestamp(3)
FROM due WHERE n.id = due.id
RETURNING n.id, n.attempts`;

async function claimDue(now: Date, limit: number): Promise<Claim[]> {
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const rows = await prisma.$queryRawUnsafe<Array<{ id: string; attempts: number }>>(
    CLAIM_SQL,
    now.toISOString(),
    limit,
    lease.toISOString(),
    new Date().toISOString(),
  );
  return rows.map((r) => ({ id: r.id, attempts: Number(r.attempts) }));
}

/** Fenced on (sending, attempts): a stale worker's result is dropped. */
async function record(claim: Claim, result: SendResult, now: Date): Promise<SendOutcome> {
  let data: Prisma.NotificationUpdateManyMutationInput;
  let outcome: SendOutcome;
  if (result.ok) {
    outcome = "sent";
    data = {
      status: "sent",
      sentAt: now,
      providerId: result.providerId.slice(0, 300),
      lastError: null,
      lockedUntil: null,
    };
  } else {
    const delay = result.permanent ? null : retryDelaySeconds(claim.attempts);
    outcome = delay === null ? "dead" : "retrying";
    data = {
      status: delay === null ? "dead" : "failed",
      lastError: result.error,
      lockedUntil: null,
      ...(delay === null ? {} : { nextAttemptAt: new Date(now.getTime() + delay * 1000) }),
    };
  }
  const { count } = await prisma.notification.updateMany({
    where: { id: claim.id, status: "sending", attempts: claim.attempts },
    data,
  });
  return count ? outcome : "stale";
}

async function attempt(claim: Claim, now: Date): Promise<SendOutcome> {
  const row = await prisma.notification.findUnique({
    where: { id: claim.id },
    select: {
      id: true,
      storeId: true,
      event: true,
      channel: true,
      recipient: true,
      locale: true,
      payload: true,
      attempts: true,
      status: true,
      store: { select: { name: true, notificationSettings: { select: { slackWebhookEncrypted: true } } } },
    },
  });
  if (!row || row.status !== "sending" || row.attempts !== claim.attempts) return "stale";
  // A row held past its lease by a worker that died counts its attempts too: never more than the schedule.
  if (claim.attempts > MAX_ATTEMPTS)
    return record(claim, { ok: false, permanent: true, error: "gave up: attempts exhausted" }, now);
  if (!isNotificationEvent(row.event))
    return record(claim, { ok: false, permanent: true, error: `unknown event ${row.event}` }, now);

  const target: RenderTarget = {
    event: row.event,
    payload: row.payload,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    storeName: row.store?.name ?? (row.payload as { storeName?: string } | null)?.storeName ?? null,
    storeId: row.storeId,
    appUrl: env().APP_URL.replace(/\/$/, ""),
  };

  let result: SendResult;
  try {
    if (row.channel === "email") {
      const email = await renderEmail(target);
      const attachments = await invoicePdfAttachment(target);
      result = await sendEmail({
        to: row.recipient,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: `<${row.id}@${mailDomain()}>`,
        headers: { "X-Vitrine-Notification": row.id, "X-Vitrine-Event": row.event },
        attachments,
      });
    } else if (row.channel === "slack") {
      const url =
        row.recipient === SLACK_PLATFORM
          ? (env().SLACK_WEBHOOK_URL ?? null)
          : row.recipient === SLACK_STORE && row.storeId && row.store?.notificationSettings?.slackWebhookEncrypted
            ? openSlackWebhook(row.storeId, row.store.notificationSettings.slackWebhookEncrypted)
            : null;
      result = url
        ? await postToSlack(url, renderSlack(target))
        : { ok: false, permanent: true, error: "No Slack webhook is configured any more." };
    } else result = { ok: false, permanent: true, error: `unknown channel ${row.channel}` };
  } catch (err) {
    // A template or attachment that fails to render is retried: it may be a passing problem.
    logger.warn({ err, notificationId: row.id }, "notification could not be prepared");
    result = { ok: false, permanent: false, error: describeFailure(err, [env().SLACK_WEBHOOK_URL]) };
  }
  const outcome = await record(claim, result, now);
  if (outcome !== "stale")
    metrics.billing.notificationDeliveries.inc({
      channel: row.channel,
      outcome: outcome === "retrying" ? "failed" : outcome,
    });
  return outcome;
}

/** Sends every due row (up to `limit`) once. The job and the tests share this one code path. */
export async function sendDueNotifications(opts: SendOptions = {}): Promise<SendReport> {
  const now = opts.now ?? new Date();
  const claims = await claimDue(now, opts.limit ?? SEND_BATCH);
  const report: SendReport = { claimed: claims.length, sent: 0, retrying: 0, dead: 0, stale: 0 };
  const results = await Promise.all(
    claims.map((claim) =>
      attempt(claim, now).catch((err) => {
        // The row stays `sending` and is due again when its lease ends.
        logger.error({ err, notificationId: claim.id }, "notification send crashed");
        return "stale" as const;
      }),
    ),
  );
  for (const r of results) report[r]++;
  return report;
}
