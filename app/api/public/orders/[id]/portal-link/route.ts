// POST /api/public/orders/:id/portal-link — email the buyer a single-use link to their customer portal; the same 202 whether or not the address is the buyer's
import { withPublic } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { appUrl } from "@/lib/env/app-url";
import { requestPortalLink, RequestPortalLinkInput } from "@/lib/checkout/portal-link";

export const POST = withPublic(
  "POST /api/public/orders/:id/portal-link",
  async ({ req, params, log }) => {
    const input = await parseJsonBody(req, RequestPortalLinkInput);
    const { sent } = await requestPortalLink(params.id!, input, { appUrl: appUrl() });
    log.info({ event: "portal_link.requested", orderId: params.id, sent }, "buyer asked for a portal link");
    return Response.json({ ok: true }, { status: 202 });
  },
  { limit: "checkout" },
);
