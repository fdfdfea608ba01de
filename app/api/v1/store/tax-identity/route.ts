// GET /api/v1/store/tax-identity — the legal name, CPF/CNPJ, address and logo the store's documents print; PUT — replace them (validated, audited)
import { parseJsonBody } from "@/lib/http/body";
import { withSeller } from "@/lib/http/handler";
import { TaxIdentityInput } from "@/lib/invoices/schemas";
import { getTaxIdentity, updateTaxIdentity } from "@/lib/invoices/tax-identity";

export const GET = withSeller("GET /api/v1/store/tax-identity", async ({ store }) => ({
  taxIdentity: await getTaxIdentity(store.id),
}));

export const PUT = withSeller("PUT /api/v1/store/tax-identity", async ({ req, store, audit }) => {
  const input = await parseJsonBody(req, TaxIdentityInput);
  return { taxIdentity: await updateTaxIdentity(store.id, input, audit) };
});
