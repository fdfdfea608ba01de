// GET /api/v1/overview — the store's sales for a range (?range=today|7d|30d|custom&from=&to=) against the previous period, by day and method, latest payments and what needs attention
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { getOverview } from "@/lib/overview/overview";
import { OverviewQuery } from "@/lib/overview/range";

export const GET = withApiKey(
  "GET /api/v1/overview",
  async ({ req, store }) =>
    getOverview(store.id, parseWith(OverviewQuery, Object.fromEntries(req.nextUrl.searchParams))),
  { allowSession: true },
);
