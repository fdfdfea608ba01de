// GET /api/admin/stores/lookup?q= — the store named by its id, its Stripe account id (acct_…) or its
// owner's email (seed 000's /stores/get/<account_id>); 404 when nothing matches.
import { withAdmin } from "@/lib/http/handler";
import { AppError, notFound } from "@/lib/errors";
import { isStorableText } from "@/lib/validation/text";
import { lookupTenant } from "@/lib/admin/tenant-detail";

export const GET = withAdmin("GET /api/admin/stores/lookup", async ({ req }) => {
  const q = new URL(req.url).searchParams.get("q")?.slice(0, 200) ?? "";
  if (!isStorableText(q))
    throw new AppError("validation_failed", "q holds characters no id or email can.", { param: "q" });
  const storeId = await lookupTenant(q);
  if (!storeId) throw notFound("Store");
  return { storeId, url: `/admin/tenants/${storeId}` };
});
