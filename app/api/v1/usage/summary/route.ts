// GET /api/v1/usage/summary — per resource for a period (?period=current|previous|YYYY-MM): used, limit, percent, overage, credits debited
import { z } from "zod";
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { PeriodQuery } from "@/lib/usage/periods";
import { usageSummary } from "@/lib/usage/summary";

const SummaryQuery = z.strictObject({ period: PeriodQuery });

export const GET = withApiKey(
  "GET /api/v1/usage/summary",
  async ({ req, store }) => {
    const { period } = parseWith(SummaryQuery, Object.fromEntries(req.nextUrl.searchParams));
    return usageSummary(store.id, period);
  },
  { allowSession: true },
);
