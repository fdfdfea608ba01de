// POST /api/v1/notifications/test — queue a test message on one channel ({ channel: "email" | "slack" }), at most one a minute
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { sendTestNotification, TestNotificationInput } from "@/lib/notifications/settings";

export const POST = withSeller("POST /api/v1/notifications/test", async ({ req, store }) => {
  const { channel } = await parseJsonBody(req, TestNotificationInput);
  const { queued } = await sendTestNotification(store.id, channel);
  return Response.json({ queued }, { status: 202 });
});
