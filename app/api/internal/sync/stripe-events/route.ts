// POST /api/internal/sync/stripe-events — run the Stripe recovery sync now (admin session, or
// INTERNAL_API_TOKEN from a loopback socket unless INTERNAL_API_ALLOW_REMOTE=1; never from headers)
import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { withAdmin, withPublic } from "@/lib/http/handler";
import { AppError } from "@/lib/errors";
import { isDirectLoopback } from "@/lib/request/client-address";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";

function tokenOk(req: NextRequest): boolean {
  const expected = process.env.INTERNAL_API_TOKEN;
  const given = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  if (!expected || !given || expected.length !== given.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

const byToken = withPublic(
  "POST /api/internal/sync/stripe-events",
  async ({ req, info }) => {
    if (process.env.INTERNAL_API_ALLOW_REMOTE !== "1" && !isDirectLoopback(info))
      throw new AppError("forbidden", "Internal endpoint: loopback only.");
    return syncStripeEvents();
  },
  { limit: false },
);

const byAdmin = withAdmin("POST /api/internal/sync/stripe-events", () => syncStripeEvents(), { limit: false });

export async function POST(req: NextRequest) {
  return tokenOk(req) ? byToken(req) : byAdmin(req);
}
