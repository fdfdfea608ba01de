// The outbox writer. Producers call enqueueNotification inside the transaction that records what
// happened, so a notification exists exactly when the change does; nothing is sent here. The job
// (lib/notifications/job.ts) sends the rows later. One row per channel and recipient, keyed
// `<event>:<subjectId>:<channel>:<recipient>`: the same event enqueued twice is sent once.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { newRowId } from "@/lib/db/ids";
import { env } from "@/lib/env/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { buildContent } from "./content";
import { EVENT_DEFINITIONS, type NotificationChannel, type NotificationEvent } from "./events";
import { parsePayload, type ParsedPayload, type PayloadOf } from "./payloads";
import { scrubPayload } from "./scrub";
import { sqlExecute, sqlQuery } from "@/lib/db/raw";

/** A transaction client (the producer's) or the plain client. */
export type NotificationDb = Pick<Tx, "store" | "user" | "notification" | "$queryRawUnsafe" | "$executeRawUnsafe">;

export type EmailRecipient = { email: string; locale?: string | null };

export type EnqueueNotificationInput<E extends NotificationEvent> = {
  /** The store it is about; null for a platform message to every admin (and SLACK_WEBHOOK_URL). */
  storeId: string | null;
  event: E;
  /** What it is about (an invoice id, a dispute id, an alert id…): with the event, it makes the message unique. */
  subjectId: string;
  payload: PayloadOf<E>;
  /** Email these addresses instead of the store's (or the admins'): e.g. the account holder alone. */
  recipients?: EmailRecipient[];
};

export type Target = { channel: NotificationChannel; recipient: string; locale: Locale };

export const SLACK_STORE = "slack:store";
export const SLACK_PLATFORM = "slack:platform";

const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

export function idempotencyKey(event: string, subjectId: string, channel: string, recipient: string): string {
  return `${event}:${subjectId}:${channel}:${recipient}`;
}

function uniqueEmails(list: EmailRecipient[], fallbackLocale: Locale): Target[] {
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const r of list) {
    const email = r.email.trim().toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    out.push({ channel: "email", recipient: email, locale: r.locale ? localeOf(r.locale) : fallbackLocale });
  }
  return out;
}

type StoreFacts = { name: string; targets: Target[] };

async function storeTargets<E extends NotificationEvent>(
  db: NotificationDb,
  storeId: string,
  input: EnqueueNotificationInput<E>,
  payload: ParsedPayload<E>,
): Promise<StoreFacts> {
  // One raw statement: this runs inside every payment's transaction (lib/db/raw.ts).
  const [store] = await sqlQuery<{
    name: string;
    ownerEmail: string;
    ownerLocale: string | null;
    extraEmails: string[] | null;
    hasSlack: boolean;
    prefEmail: boolean | null;
    prefSlack: boolean | null;
  }>(
    db,
    `SELECT s."name", u."email" AS "ownerEmail", u."locale" AS "ownerLocale", ns."extraEmails",
       (ns."slackWebhookEncrypted" IS NOT NULL) AS "hasSlack", p."email" AS "prefEmail", p."slack" AS "prefSlack"
     FROM "Store" s JOIN "User" u ON u."id" = s."ownerId"
     LEFT JOIN "NotificationSettings" ns ON ns."storeId" = s."id"
     LEFT JOIN "NotificationPreference" p ON p."storeId" = s."id" AND p."event" = $2
     WHERE s."id" = $1`,
    storeId,
    input.event,
  );
  if (!store) throw new Error(`enqueueNotification: store ${storeId} does not exist`);
  const def = EVENT_DEFINITIONS[input.event];
  const ownerLocale = localeOf(store.ownerLocale);
  let email = def.emailRequired || (store.prefEmail ?? def.defaults.email);
  let slack = def.slackAllowed && (store.prefSlack ?? def.defaults.slack);
  if (input.event === "test_message") {
    const channel = (payload as ParsedPayload<"test_message">).channel;
    email = channel === "email";
    slack = channel === "slack";
  }
  const emails = input.recipients ?? [
    { email: store.ownerEmail, locale: ownerLocale },
    ...(store.extraEmails ?? []).map((e) => ({ email: e, locale: ownerLocale })),
  ];
  return {
    name: store.name,
    targets: [
      ...(email ? uniqueEmails(emails, ownerLocale) : []),
      ...(slack && store.hasSlack ? [{ channel: "slack" as const, recipient: SLACK_STORE, locale: ownerLocale }] : []),
    ],
  };
}

async function platformTargets<E extends NotificationEvent>(
  db: NotificationDb,
  input: EnqueueNotificationInput<E>,
): Promise<Target[]> {
  const def = EVENT_DEFINITIONS[input.event];
  const admins =
    input.recipients ??
    (await db.user.findMany({
      where: { role: "ADMIN", status: "ACTIVE" },
      select: { email: true, locale: true },
      orderBy: { createdAt: "asc" },
    }));
  const slack = def.slackAllowed && def.defaults.slack && env().SLACK_WEBHOOK_URL;
  return [
    ...(def.defaults.email || def.emailRequired ? uniqueEmails(admins, DEFAULT_LOCALE) : []),
    ...(slack ? [{ channel: "slack" as const, recipient: SLACK_PLATFORM, locale: DEFAULT_LOCALE }] : []),
  ];
}

/**
 * Writes the outbox rows for one event inside the caller's transaction (or on the plain client).
 * Preferences decide the channels; the store owner and its extra addresses (or the admins) are
 * the recipients. Throws on a payload that does not fit the event (a producer bug). Returns how
 * many rows are new (0 when the event was already enqueued, or nobody is to be told).
 */
export async function enqueueNotification<E extends NotificationEvent>(
  db: NotificationDb,
  input: EnqueueNotificationInput<E>,
): Promise<{ queued: number; targets: number }> {
  if (!input.subjectId) throw new Error("enqueueNotification: subjectId is required");
  const payload = scrubPayload(parsePayload(input.event, input.payload));
  const facts = input.storeId
    ? await storeTargets(db, input.storeId, input, payload)
    : { name: (payload as { storeName?: string }).storeName ?? null, targets: await platformTargets(db, input) };
  if (facts.targets.length === 0) return { queued: 0, targets: 0 };
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const subjects = new Map<Locale, string>();
  const subjectIn = (locale: Locale) => {
    if (!subjects.has(locale))
      subjects.set(
        locale,
        buildContent(input.event, payload, {
          locale,
          storeName: facts.name,
          audience: input.storeId ? "store" : "platform",
          appUrl,
        }).subject,
      );
    return subjects.get(locale)!;
  };
  // Raw, one statement: an existing idempotency key is left alone (sent once).
  const now = new Date();
  const params: unknown[] = [input.storeId, input.event, JSON.stringify(payload), now];
  const values = facts.targets.map((t) => {
    const at = params.push(
      newRowId(),
      t.channel,
      t.recipient,
      t.locale,
      idempotencyKey(input.event, input.subjectId, t.channel, t.recipient),
      subjectIn(t.locale),
    );
    const p = (k: number) => `$${at - 5 + k}`;
    return `(${p(0)}, $1, $2, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, $3::jsonb, ${p(5)}, $4, $4, $4)`;
  });
  const count = await sqlExecute(
    db,
    `INSERT INTO "Notification" ("id", "storeId", "event", "channel", "recipient", "locale", "idempotencyKey",
       "payload", "subject", "nextAttemptAt", "createdAt", "updatedAt")
     VALUES ${values.join(", ")}
     ON CONFLICT ("idempotencyKey") DO NOTHING`,
    ...params,
  );
  return { queued: count, targets: facts.targets.length };
}
