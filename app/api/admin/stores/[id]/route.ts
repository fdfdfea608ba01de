// GET /api/admin/stores/:id — one tenant as the admin's tenant page shows it (lib/admin/tenant-detail.ts)
import { withAdmin } from "@/lib/http/handler";
import { notFound } from "@/lib/errors";
import { tenantDetail } from "@/lib/admin/tenant-detail";

export const GET = withAdmin("GET /api/admin/stores/:id", async ({ params }) => {
  const detail = await tenantDetail(params.id!);
  if (!detail) throw notFound("Store");
  const { audit, ...rest } = detail;
  return { store: { ...rest, recentAudit: audit.entries } };
});
