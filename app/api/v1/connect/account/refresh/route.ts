// POST /api/v1/connect/account/refresh — re-read the account from Stripe
import { withApiKey } from "@/lib/http/handler";
import { refreshAccountStatus } from "@/lib/connect/accounts";

export const POST = withApiKey(
  "POST /api/v1/connect/account/refresh",
  ({ store, audit }) => refreshAccountStatus(store.id, audit),
  { allowSession: true },
);
