// POST /api/v1/admin/credits/verify — check the ledger invariant (one store or all): seq chain, balanceAfter chain, cached balance
import { withAdmin } from "@/lib/http/handler";
import { AppError } from "@/lib/errors";
import { parseWith, readBodyText } from "@/lib/http/body";
import { verifyCreditLedger } from "@/lib/credits/ledger";
import { VerifyLedgerInput } from "@/lib/credits/spend";

export const POST = withAdmin("POST /api/v1/admin/credits/verify", async ({ req }) => {
  // An empty body checks every store.
  const text = (await readBodyText(req)).trim();
  let data: unknown = {};
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new AppError("malformed_json", "Request body is not valid JSON.");
    }
  }
  return verifyCreditLedger(parseWith(VerifyLedgerInput, data).storeId);
});
