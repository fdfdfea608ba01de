// POST /api/webhooks/pix/:gateway/:token — a PIX gateway's notification for one seller configuration
import { withPublic } from "@/lib/http/handler";
import { handlePixWebhook } from "@/lib/pix/service/webhooks";

export const POST = withPublic(
  "POST /api/webhooks/pix/:gateway/:token",
  async ({ req, params }) => {
    const { status, body } = await handlePixWebhook(params.gateway!, params.token!, req);
    return Response.json(body, { status });
  },
  { limit: "webhook" },
);
