// PATCH /api/v1/admin/credit-packages/:id — edit a package's name, credits, amount, order or active flag
import { withAdmin } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { updatePackage, UpdatePackageInput } from "@/lib/credits/packages";

export const PATCH = withAdmin("PATCH /api/v1/admin/credit-packages/:id", async ({ req, params, audit }) => {
  const input = await parseJsonBody(req, UpdatePackageInput);
  return { package: await updatePackage(params.id!, input, audit) };
});
