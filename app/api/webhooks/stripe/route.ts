// POST /api/webhooks/stripe — platform events from Stripe (signed with STRIPE_WEBHOOK_SECRET)
import { stripeWebhookRoute } from "@/lib/webhooks/stripe/route";

export const POST = stripeWebhookRoute("platform");
