// GET /api/v1/platform/subscription — current plan (synced from Stripe) and the plan in force; POST {planCode, interval?, promotion_code?} — subscribe (Checkout URL for paid plans); PATCH {planCode, interval?} — change plan or interval now, prorated
import { withApiKey } from "@/lib/http/handler";
import { changePlan, subscribeStoreToPlan, syncSubscription } from "@/lib/billing/plans";
import { ChangePlanInput, SubscribeInput } from "@/lib/billing/schemas";
import { effectivePlanView } from "@/lib/billing/offers";
import { appUrl } from "@/lib/env/app-url";
import { parseJsonBody } from "@/lib/http/body";

export const GET = withApiKey(
  "GET /api/v1/platform/subscription",
  async ({ store, audit }) => {
    const subscription = await syncSubscription(store, audit);
    return { subscription, effectivePlan: await effectivePlanView(store.id) };
  },
  { allowSession: true },
);
export const POST = withApiKey(
  "POST /api/v1/platform/subscription",
  async ({ req, store, audit }) =>
    subscribeStoreToPlan(store, await parseJsonBody(req, SubscribeInput), { appUrl: appUrl(), audit }),
  { allowSession: true },
);
export const PATCH = withApiKey(
  "PATCH /api/v1/platform/subscription",
  async ({ req, store, audit }) => ({
    subscription: await changePlan(store.id, await parseJsonBody(req, ChangePlanInput), audit),
  }),
  { allowSession: true },
);
