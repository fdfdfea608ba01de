// GET /api/v1/platform/subscription — current plan (synced from Stripe); POST {planCode} — subscribe (Checkout URL for paid plans); PATCH {planCode} — change plan now, prorated
import { withApiKey } from "@/lib/http/handler";
import { changePlan, SubscribeInput, subscribeStoreToPlan, syncSubscription } from "@/lib/billing/plans";
import { appUrl } from "@/lib/env/app-url";
import { parseJsonBody } from "@/lib/http/body";

export const GET = withApiKey(
  "GET /api/v1/platform/subscription",
  async ({ store, audit }) => ({ subscription: await syncSubscription(store, audit) }),
  { allowSession: true },
);
export const POST = withApiKey(
  "POST /api/v1/platform/subscription",
  async ({ req, store, audit }) =>
    subscribeStoreToPlan(store, (await parseJsonBody(req, SubscribeInput)).planCode, { appUrl: appUrl(), audit }),
  { allowSession: true },
);
export const PATCH = withApiKey(
  "PATCH /api/v1/platform/subscription",
  async ({ req, store, audit }) => ({
    subscription: await changePlan(store.id, (await parseJsonBody(req, SubscribeInput)).planCode, audit),
  }),
  { allowSession: true },
);
