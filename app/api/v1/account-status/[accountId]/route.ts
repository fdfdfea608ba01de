// GET /api/v1/account-status/:accountId — older path name for the store's Connect account status
import { withApiKey } from "@/lib/http/handler";
import { requireAccountStatus } from "@/lib/connect/accounts";

export const GET = withApiKey(
  "GET /api/v1/account-status/:accountId",
  ({ store, params }) => requireAccountStatus(store.id, params.accountId),
  { allowSession: true },
);
