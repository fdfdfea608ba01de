// GET /api/v1/usage/export — the period's usage per day and resource as CSV (?period=current|previous|YYYY-MM)
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { usageCsv } from "@/lib/usage/csv";
import { UsagePeriodInput } from "@/lib/usage/periods";

export const GET = withApiKey(
  "GET /api/v1/usage/export",
  async ({ req, store }) => {
    const { period } = parseWith(UsagePeriodInput, Object.fromEntries(req.nextUrl.searchParams));
    const { csv, filename } = await usageCsv(store.id, period);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  },
  { allowSession: true },
);
