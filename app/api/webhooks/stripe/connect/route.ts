// POST /api/webhooks/stripe/connect — connected-account events (signed with STRIPE_CONNECT_WEBHOOK_SECRET)
import { stripeWebhookRoute } from "@/lib/webhooks/stripe/route";

export const POST = stripeWebhookRoute("connect");
