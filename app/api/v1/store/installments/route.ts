// GET /api/v1/store/installments — the store's card installment caps and where Stripe offers installments and boleto; PUT — change the caps (audited)
import { parseJsonBody } from "@/lib/http/body";
import { withSeller } from "@/lib/http/handler";
import { InstallmentSettingsInput } from "@/lib/checkout/installments";
import { getInstallmentSettings, updateInstallmentSettings } from "@/lib/checkout/installment-settings";

export const GET = withSeller("GET /api/v1/store/installments", async ({ store }) => ({
  installments: await getInstallmentSettings(store.id),
}));

export const PUT = withSeller("PUT /api/v1/store/installments", async ({ req, store, audit }) => {
  const input = await parseJsonBody(req, InstallmentSettingsInput);
  return { installments: await updateInstallmentSettings(store.id, input, audit) };
});
