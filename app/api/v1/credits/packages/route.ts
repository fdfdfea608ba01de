// GET /api/v1/credits/packages — the credit packages in the store's currency and the custom-amount rules
import { withApiKey } from "@/lib/http/handler";
import { listPackagesForStore } from "@/lib/credits/packages";

export const GET = withApiKey("GET /api/v1/credits/packages", async ({ store }) => listPackagesForStore(store), {
  allowSession: true,
});
