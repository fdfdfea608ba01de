// POST /api/public/orders/:id/portal — open the buyer's customer portal with the single-use token emailed to them (the receipt id alone is refused)
import { z } from "zod";
import { withPublic } from "@/lib/http/handler";
import { parseJsonBody, parseWith } from "@/lib/http/body";
import { appUrl } from "@/lib/env/app-url";
import { AppError } from "@/lib/errors";
import { OpenPortalInput, openPortalWithLink } from "@/lib/checkout/portal-link";

export const POST = withPublic(
  "POST /api/public/orders/:id/portal",
  async ({ req, params }) => {
    const body = req.headers.get("content-type")?.includes("json") ? await parseJsonBody(req, z.unknown()) : null;
    if (!body || typeof body !== "object" || !("token" in body))
      throw new AppError(
        "portal_link_required",
        "Managing a subscription needs the link emailed to the buyer: ask for it on the receipt.",
      );
    const { token } = parseWith(OpenPortalInput, body);
    return openPortalWithLink(params.id!, token, { appUrl: appUrl() });
  },
  { limit: "checkout" },
);
