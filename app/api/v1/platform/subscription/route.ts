// GET /api/v1/platform/subscription — current plan (synced from Stripe); POST {planCode} — subscribe (Checkout URL for paid plans); PATCH {planCode} — change plan now, prorated
import { withApiKey } from "@/lib/http/handler";
import { changePlan, SubscribeInput, syncSubscription } from "@/lib/billing/plans";
import { subscribeOp } from "@/lib/http/v1-handlers";
import { parseJsonBody } from "@/lib/http/body";

export const GET = withApiKey("GET /api/v1/platform/subscription", async ({ store, audit }) => ({ subscription: await syncSubscription(store, audit) }), { allowSession: true });
export const POST = withApiKey("POST /api/v1/platform/subscription", subscribeOp, { allowSession: true });
export const PATCH = withApiKey("PATCH /api/v1/platform/subscription", async ({ req, store, audit }) => ({ subscription: await changePlan(store.id, (await parseJsonBody(req, SubscribeInput)).planCode, audit) }), { allowSession: true });
