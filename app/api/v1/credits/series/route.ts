// GET /api/v1/credits/series?days=30&tz=America/Sao_Paulo — credits bought vs spent per calendar day in tz (default UTC)
import { withApiKey } from "@/lib/http/handler";
import { parseWith } from "@/lib/http/body";
import { creditSeries, SeriesQuery } from "@/lib/credits/views";

export const GET = withApiKey(
  "GET /api/v1/credits/series",
  async ({ req, store }) =>
    creditSeries(store.id, parseWith(SeriesQuery, Object.fromEntries(req.nextUrl.searchParams))),
  { allowSession: true },
);
