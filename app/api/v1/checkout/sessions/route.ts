// POST /api/v1/checkout/sessions — start a hosted checkout for a price (Idempotency-Key honoured)
import { withApiKey } from "@/lib/http/handler";
import { createCheckoutSessionOp } from "@/lib/http/v1-handlers";

export const POST = withApiKey("POST /api/v1/checkout/sessions", createCheckoutSessionOp, { allowSession: true, limit: "checkout" });
