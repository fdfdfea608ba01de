// A store's notification settings as the seller sees and changes them: channels per event, extra
// addresses, the Slack webhook (encrypted, shown back masked) and the test message. Every change
// is audited in its own transaction; everything is scoped to the store id.
import "server-only";
import { z } from "zod";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { MAX_EXTRA_EMAILS } from "./config";
import { enqueueNotification } from "./enqueue";
import { EVENT_DEFINITIONS, LISTED_EVENTS, type NotificationChannel, type NotificationEvent } from "./events";
import { assertSlackWebhookUrl, maskSlackWebhook, openSlackWebhook, sealSlackWebhook } from "./slack";

export type EventPreference = {
  event: NotificationEvent;
  email: boolean;
  slack: boolean;
  emailRequired: boolean;
  slackAllowed: boolean;
};

export type NotificationSettingsView = {
  events: EventPreference[];
  ownerEmail: string;
  extraEmails: string[];
  maxExtraEmails: number;
  slack: { configured: boolean; masked: string | null };
};

const ChannelToggle = z.strictObject({ email: z.boolean().optional(), slack: z.boolean().optional() });

export const UpdateNotificationSettingsInput = z
  .strictObject({
    events: z.partialRecord(z.enum(LISTED_EVENTS), ChannelToggle).optional(),
    extraEmails: z
      .array(z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")))
      .max(MAX_EXTRA_EMAILS, `Add at most ${MAX_EXTRA_EMAILS} addresses.`)
      .optional(),
  })
  .refine((v) => v.events !== undefined || v.extraEmails !== undefined, "Send events or extraEmails.");
export type UpdateNotificationSettingsInput = z.infer<typeof UpdateNotificationSettingsInput>;

export const SlackWebhookInput = z.strictObject({ url: z.string().trim().min(1, "Enter the webhook URL.").max(500) });
export const TestNotificationInput = z.strictObject({ channel: z.enum(["email", "slack"]) });

async function loadStore(storeId: string) {
  const store = await prisma.store.findUnique({
    where: { id: storeId },
    select: {
      owner: { select: { email: true } },
      notificationSettings: { select: { extraEmails: true, slackWebhookEncrypted: true } },
      notificationPrefs: { select: { event: true, email: true, slack: true } },
    },
  });
  if (!store) throw notFound("Store");
  return store;
}

function preferencesOf(rows: Array<{ event: string; email: boolean; slack: boolean }>): EventPreference[] {
  return LISTED_EVENTS.map((event) => {
    const def = EVENT_DEFINITIONS[event];
    const row = rows.find((r) => r.event === event);
    return {
      event,
      email: def.emailRequired || (row?.email ?? def.defaults.email),
      slack: def.slackAllowed && (row?.slack ?? def.defaults.slack),
      emailRequired: def.emailRequired,
      slackAllowed: def.slackAllowed,
    };
  });
}

function slackView(storeId: string, sealed: string | null | undefined): NotificationSettingsView["slack"] {
  if (!sealed) return { configured: false, masked: null };
  try {
    return { configured: true, masked: maskSlackWebhook(openSlackWebhook(storeId, sealed)) };
  } catch {
    // Encrypted under a key no longer configured: it exists, but cannot be shown or used.
    return { configured: true, masked: "••••••••" };
  }
}

export async function getNotificationSettings(storeId: string): Promise<NotificationSettingsView> {
  const store = await loadStore(storeId);
  return {
    events: preferencesOf(store.notificationPrefs),
    ownerEmail: store.owner.email,
    extraEmails: store.notificationSettings?.extraEmails ?? [],
    maxExtraEmails: MAX_EXTRA_EMAILS,
    slack: slackView(storeId, store.notificationSettings?.slackWebhookEncrypted),
  };
}

/** Refuses turning off what is always sent, and Slack for an event that never goes there (422 naming it). */
function assertChangeable(events: NonNullable<UpdateNotificationSettingsInput["events"]>) {
  for (const [event, toggle] of Object.entries(events) as Array<[NotificationEvent, z.infer<typeof ChannelToggle>]>) {
    const def = EVENT_DEFINITIONS[event];
    if (def.emailRequired && toggle.email === false)
      throw new AppError("validation_failed", `events.${event}.email: This notification is always emailed.`, {
        param: `events.${event}.email`,
      });
    if (!def.slackAllowed && toggle.slack === true)
      throw new AppError("validation_failed", `events.${event}.slack: This notification is never posted to Slack.`, {
        param: `events.${event}.slack`,
      });
  }
}

export async function updateNotificationSettings(
  storeId: string,
  input: UpdateNotificationSettingsInput,
  audit: AuditContext,
): Promise<NotificationSettingsView> {
  if (input.events) assertChangeable(input.events);
  const before = await loadStore(storeId);
  const beforePrefs = preferencesOf(before.notificationPrefs);
  await prisma.$transaction(async (tx) => {
    for (const [event, toggle] of Object.entries(input.events ?? {}) as Array<
      [NotificationEvent, z.infer<typeof ChannelToggle>]
    >) {
      const current = beforePrefs.find((p) => p.event === event)!;
      const next = { email: toggle.email ?? current.email, slack: toggle.slack ?? current.slack };
      await tx.notificationPreference.upsert({
        where: { storeId_event: { storeId, event } },
        create: { storeId, event, ...next },
        update: next,
      });
    }
    if (input.extraEmails) {
      const owner = before.owner.email.toLowerCase();
      const extraEmails = [...new Set(input.extraEmails)].filter((e) => e !== owner);
      await tx.notificationSettings.upsert({
        where: { storeId },
        create: { storeId, extraEmails },
        update: { extraEmails },
      });
    }
    await appendAudit(tx, audit, {
      action: "notification_settings.updated",
      storeId,
      target: { type: "store", id: storeId },
      before: {
        events: Object.fromEntries(beforePrefs.map((p) => [p.event, { email: p.email, slack: p.slack }])),
        extraEmails: before.notificationSettings?.extraEmails ?? [],
      },
      after: { events: input.events ?? null, extraEmails: input.extraEmails ?? null },
    });
  });
  return getNotificationSettings(storeId);
}

export async function setSlackWebhook(storeId: string, rawUrl: string, audit: AuditContext) {
  const url = assertSlackWebhookUrl(rawUrl);
  const sealed = sealSlackWebhook(storeId, url);
  await prisma.$transaction(async (tx) => {
    await tx.notificationSettings.upsert({
      where: { storeId },
      create: { storeId, slackWebhookEncrypted: sealed },
      update: { slackWebhookEncrypted: sealed },
    });
    await appendAudit(tx, audit, {
      action: "notification_settings.slack_set",
      storeId,
      target: { type: "store", id: storeId },
      after: { slack: maskSlackWebhook(url) },
    });
  });
  return getNotificationSettings(storeId);
}

export async function removeSlackWebhook(storeId: string, audit: AuditContext) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.notificationSettings.updateMany({
      where: { storeId, slackWebhookEncrypted: { not: null } },
      data: { slackWebhookEncrypted: null },
    });
    if (count)
      await appendAudit(tx, audit, {
        action: "notification_settings.slack_removed",
        storeId,
        target: { type: "store", id: storeId },
      });
  });
  return getNotificationSettings(storeId);
}

/**
 * Queues a test message on one channel. Keyed on the minute: a double click, or a seller trying to
 * use the button to mail an address over and over, sends one per minute.
 */
export async function sendTestNotification(
  storeId: string,
  channel: NotificationChannel,
  now = new Date(),
): Promise<{ queued: number }> {
  const store = await loadStore(storeId);
  if (channel === "slack" && !store.notificationSettings?.slackWebhookEncrypted)
    throw new AppError("notification_channel_unavailable", "Add a Slack webhook before sending a test message.", {
      param: "channel",
    });
  const { queued } = await enqueueNotification(prisma, {
    storeId,
    event: "test_message",
    subjectId: now.toISOString().slice(0, 16),
    payload: { channel },
  });
  return { queued };
}
