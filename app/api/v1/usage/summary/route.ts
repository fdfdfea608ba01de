// GET /api/v1/usage/summary — per resource for a period (?period=current|previous|YYYY-MM): used, limit, percent, overage, credits debited
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { UsagePeriodInput } from "@/lib/usage/periods";
import { usageSummary } from "@/lib/usage/summary";

export const GET = withApiKey(
  "GET /api/v1/usage/summary",
  async ({ req, store }) => {
    const { period } = parseWith(UsagePeriodInput, Object.fromEntries(req.nextUrl.searchParams));
    return usageSummary(store.id, period);
  },
  { allowSession: true },
);
