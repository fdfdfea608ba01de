// GET /api/v1/credits/ledger/export — the filtered ledger as CSV (same filters as the ledger, no paging)
import { withApiKey } from "@/lib/http/handler";
import { parseWith } from "@/lib/http/body";
import { ledgerCsv } from "@/lib/credits/csv";
import { exportLedger, LedgerQuery } from "@/lib/credits/views";

export const GET = withApiKey(
  "GET /api/v1/credits/ledger/export",
  async ({ req, store }) => {
    const {
      limit: _limit,
      cursor: _cursor,
      ...filters
    } = parseWith(LedgerQuery, Object.fromEntries(req.nextUrl.searchParams));
    const csv = ledgerCsv(await exportLedger(store.id, filters));
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="credits-ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  },
  { allowSession: true },
);
