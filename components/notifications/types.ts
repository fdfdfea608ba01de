// JSON shapes of the notifications API as the dashboard receives them (dates as ISO strings).
import type { NotificationEvent } from "@/lib/notifications/events";

export type EventPreferenceRow = {
  event: NotificationEvent;
  email: boolean;
  slack: boolean;
  emailRequired: boolean;
  slackAllowed: boolean;
};

export type NotificationSettingsData = {
  events: EventPreferenceRow[];
  ownerEmail: string;
  extraEmails: string[];
  maxExtraEmails: number;
  slack: { configured: boolean; masked: string | null };
};

export type NotificationStatus = "pending" | "sending" | "sent" | "failed" | "dead";

export type NotificationRow = {
  id: string;
  createdAt: string;
  event: string;
  channel: "email" | "slack";
  recipient: string;
  subject: string | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
};

export type NotificationPage = { data: NotificationRow[]; nextCursor: string | null };

export const SETTINGS_KEY = ["notifications", "settings"] as const;
export const LOG_KEY = ["notifications", "log"] as const;
