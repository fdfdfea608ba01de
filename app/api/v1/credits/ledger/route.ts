// GET /api/v1/credits/ledger — ledger entries, newest first (?kind=&from=&to=&limit=&cursor=)
import { withApiKey } from "@/lib/http/handler";
import { parseWith } from "@/lib/http/body";
import { LedgerQuery, listLedger } from "@/lib/credits/views";

export const GET = withApiKey(
  "GET /api/v1/credits/ledger",
  async ({ req, store }) => listLedger(store.id, parseWith(LedgerQuery, Object.fromEntries(req.nextUrl.searchParams))),
  { allowSession: true },
);
