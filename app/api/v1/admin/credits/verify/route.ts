// POST /api/v1/admin/credits/verify — check the ledger invariant (one store or all): seq chain, balanceAfter chain, cached balance
import { z } from "zod";
import { withAdmin } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { verifyCreditLedger } from "@/lib/credits/ledger";

const VerifyInput = z.strictObject({ storeId: z.string().trim().min(1).max(64).optional() });

export const POST = withAdmin("POST /api/v1/admin/credits/verify", async ({ req }) => {
  const hasBody = Number(req.headers.get("content-length") ?? "0") > 0 || /^application\/json\b/i.test(req.headers.get("content-type") ?? "");
  const { storeId } = hasBody ? await parseJsonBody(req, VerifyInput) : {};
  return verifyCreditLedger(storeId);
});
