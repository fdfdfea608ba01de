// POST /api/internal/sync/stripe-events — run the Stripe recovery sync now (admin session, or
// INTERNAL_API_TOKEN from a loopback socket unless INTERNAL_API_ALLOW_REMOTE=1; never from headers)
import { withOperator } from "@/lib/http/handler";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";

export const POST = withOperator("POST /api/internal/sync/stripe-events", () => syncStripeEvents(), {
  token: "INTERNAL_API_TOKEN",
  loopbackOnly: true,
});
