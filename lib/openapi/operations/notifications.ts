// The notifications operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { ListNotificationsQuery } from "@/lib/notifications/log";
import {
  SlackWebhookInput,
  TestNotificationInput,
  UpdateNotificationSettingsInput,
} from "@/lib/notifications/settings";

export const notificationsOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/notifications/deliveries",
    tag: "notifications",
    summary: "the store's notification log, newest first (?limit=&cursor=, keyset-paginated)",
    auth: "session",
    query: { ListNotificationsQuery },
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/notifications/settings",
    tag: "notifications",
    summary: "the store's notification channels per event, extra addresses and Slack (masked)",
    auth: "session",
    success: { status: 200 },
  },
  {
    method: "PATCH",
    path: "/api/v1/notifications/settings",
    tag: "notifications",
    summary: "change them",
    auth: "session",
    body: { UpdateNotificationSettingsInput },
    example: { extraEmails: ["finance@example.com"] },
    success: { status: 200 },
  },
  {
    method: "PUT",
    path: "/api/v1/notifications/slack",
    tag: "notifications",
    summary: "set the store's Slack incoming webhook (stored encrypted, answered masked)",
    auth: "session",
    body: { SlackWebhookInput },
    example: { url: "https://hooks.slack.com/services/T000/B000/XXXX" },
    success: { status: 200 },
  },
  {
    method: "DELETE",
    path: "/api/v1/notifications/slack",
    tag: "notifications",
    summary: "remove it",
    auth: "session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/notifications/test",
    tag: "notifications",
    summary: 'queue a test message on one channel ({ channel: "email" | "slack" }), at most one a minute',
    auth: "session",
    body: { TestNotificationInput },
    example: { channel: "email" },
    success: { status: 202 },
  },
];
