// GET /api/v1/account-status/:accountId — older path name for the store's Connect account status
import { withApiKey } from "@/lib/http/handler";
import { accountStatusOp } from "@/lib/http/v1-handlers";

export const GET = withApiKey("GET /api/v1/account-status/:accountId", (c) => accountStatusOp(c, c.params.accountId), { allowSession: true });
