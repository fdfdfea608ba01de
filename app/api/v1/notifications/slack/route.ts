// PUT /api/v1/notifications/slack — set the store's Slack incoming webhook (stored encrypted, answered masked); DELETE — remove it
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { removeSlackWebhook, setSlackWebhook, SlackWebhookInput } from "@/lib/notifications/settings";

export const PUT = withSeller("PUT /api/v1/notifications/slack", async ({ req, store, audit }) => {
  const { url } = await parseJsonBody(req, SlackWebhookInput);
  return setSlackWebhook(store.id, url, audit);
});

export const DELETE = withSeller("DELETE /api/v1/notifications/slack", async ({ store, audit }) =>
  removeSlackWebhook(store.id, audit),
);
