// GET /api/v1/credit-packages — older credit-module alias of GET /api/v1/credits/packages
import { withApiKey } from "@/lib/http/handler";
import { listPackagesForStore } from "@/lib/credits/packages";

export const GET = withApiKey("GET /api/v1/credit-packages", async ({ store }) => listPackagesForStore(store), {
  allowSession: true,
});
