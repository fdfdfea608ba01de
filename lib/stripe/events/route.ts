// The inbound webhook route body shared by the platform and Connect endpoints.
import type { NextRequest } from "next/server";
import { AppError, errorBody } from "@/lib/http/errors";
import { readBodyText } from "@/lib/http/body";
import { requestInfo } from "@/lib/http/context";
import { consume } from "@/lib/rate-limit/limiter";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { parseSecrets, verifyStripeSignature } from "./verify";
import { ingestEvent } from "./process";

const MAX_EVENT_BYTES = 1_048_576;

export function stripeWebhookRoute(kind: "platform" | "connect") {
  const route = kind === "platform" ? "POST /api/webhooks/stripe" : "POST /api/webhooks/stripe/connect";
  return async (req: NextRequest): Promise<Response> => {
    const info = requestInfo(req);
    const started = performance.now();
    let status = 200;
    let body: unknown = { received: true };
    try {
      await consume("webhook", `stripe:${info.ip}`);
      // Verify on the exact raw bytes Stripe signed.
      const raw = await readBodyText(req, MAX_EVENT_BYTES);
      const secrets = parseSecrets(kind === "platform" ? process.env.STRIPE_WEBHOOK_SECRET : process.env.STRIPE_CONNECT_WEBHOOK_SECRET);
      const event = verifyStripeSignature(raw, req.headers.get("stripe-signature"), secrets);
      if (kind === "connect" && !event.account) throw new AppError("bad_request", "Connect endpoint received a platform event.");
      if (kind === "platform" && event.account) throw new AppError("bad_request", "Platform endpoint received a Connect event.");
      const result = await ingestEvent(event, "webhook", info.requestId);
      // A failed handler answers 500 so Stripe retries; the ledger keeps the error.
      if (result === "failed") {
        status = 500;
        body = errorBody(new AppError("internal_error", "Event recorded; processing failed and will be retried."), info.requestId);
      } else body = { received: true, result };
    } catch (err) {
      const appErr = err instanceof AppError ? err : new AppError("internal_error", "An unexpected error occurred.");
      if (!(err instanceof AppError)) logger.error({ err, route }, "webhook route failed");
      status = appErr.status;
      body = errorBody(appErr, info.requestId);
    }
    const seconds = (performance.now() - started) / 1000;
    metrics.httpRequests.inc({ method: "POST", route, status: String(status) });
    metrics.httpDuration.observe({ method: "POST", route, status: String(status) }, seconds);
    return Response.json(body, { status, headers: { "x-request-id": info.requestId } });
  };
}
