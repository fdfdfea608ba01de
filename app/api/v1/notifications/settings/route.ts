// GET /api/v1/notifications/settings — the store's notification channels per event, extra addresses and Slack (masked); PATCH — change them
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import {
  getNotificationSettings,
  UpdateNotificationSettingsInput,
  updateNotificationSettings,
} from "@/lib/notifications/settings";

export const GET = withSeller("GET /api/v1/notifications/settings", async ({ store }) =>
  getNotificationSettings(store.id),
);

export const PATCH = withSeller("PATCH /api/v1/notifications/settings", async ({ req, store, audit }) => {
  const input = await parseJsonBody(req, UpdateNotificationSettingsInput);
  return updateNotificationSettings(store.id, input, audit);
});
