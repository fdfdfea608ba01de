// The inbound webhook route body shared by the platform and Connect endpoints.
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/body";
import { withPublic } from "@/lib/http/handler";
import { env } from "@/lib/env/server";
import { assertStripeEvent, parseSecrets, verifyStripeSignature } from "./verify";
import { ingestEvent } from "./process";

const MAX_EVENT_BYTES = 1_048_576;

export function stripeWebhookRoute(kind: "platform" | "connect") {
  const route = kind === "platform" ? "POST /api/webhooks/stripe" : "POST /api/webhooks/stripe/connect";
  return withPublic(
    route,
    async ({ req, info }) => {
      // Verify on the exact raw bytes Stripe signed.
      const raw = await readBodyText(req, MAX_EVENT_BYTES);
      const secrets = parseSecrets(
        kind === "platform" ? env().STRIPE_WEBHOOK_SECRET : env().STRIPE_CONNECT_WEBHOOK_SECRET,
      );
      const event = verifyStripeSignature(raw, req.headers.get("stripe-signature"), secrets);
      assertStripeEvent(event);
      if (kind === "connect" && !event.account)
        throw new AppError("bad_request", "Connect endpoint received a platform event.");
      if (kind === "platform" && event.account)
        throw new AppError("bad_request", "Platform endpoint received a Connect event.");
      const result = await ingestEvent(event, "webhook", info.requestId);
      // A failed handler answers 500 so Stripe retries; the ledger keeps the error.
      if (result === "failed")
        throw new AppError("internal_error", "Event recorded; processing failed and will be retried.");
      return { received: true, result };
    },
    { limit: "webhook" },
  );
}
