// POST /api/webhooks/pix/:gateway/:token — a PIX gateway's notification for one seller configuration, or for the platform's own gateway (platform invoices)
import { withPublic } from "@/lib/http/handler";
import { handlePlatformPixWebhook, isPlatformPixEndpoint } from "@/lib/invoices/platform-pix";
import { handlePixWebhook } from "@/lib/pix/service/webhooks";

export const POST = withPublic(
  "POST /api/webhooks/pix/:gateway/:token",
  async ({ req, params }) => {
    const { status, body } = isPlatformPixEndpoint(params.gateway!, params.token!)
      ? await handlePlatformPixWebhook(req)
      : await handlePixWebhook(params.gateway!, params.token!, req);
    return Response.json(body, { status });
  },
  { limit: "webhook" },
);
