// GET /api/v1/payouts — the store's Stripe payouts, newest first, each with the balance transactions it paid out
import { payoutsForApi } from "@/lib/balance";
import { PayoutsQuery } from "@/lib/balance/schemas";
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";

export const GET = withApiKey(
  "GET /api/v1/payouts",
  async ({ req, store }) =>
    payoutsForApi(store.id, parseWith(PayoutsQuery, Object.fromEntries(req.nextUrl.searchParams))),
  { allowSession: true },
);
