import { asJson } from "@/components/catalog/types";
import { CallbacksManager } from "@/components/callbacks/callbacks-manager";
import type { DeliveryRow, EndpointRow } from "@/components/callbacks/types";
import { requireSellerPage } from "@/lib/auth/session";
import { callbackEnv, MAX_ENDPOINTS_PER_STORE } from "@/lib/callbacks/config";
import { defaultEndpointUrl, listEndpoints } from "@/lib/callbacks/endpoints";
import { listDeliveries } from "@/lib/callbacks/deliveries";

export const metadata = { title: "Store callbacks" };

export default async function CallbacksPage() {
  const { store } = await requireSellerPage();
  const [endpoints, deliveries] = store
    ? await Promise.all([listEndpoints(store.id), listDeliveries(store.id, { limit: 50 })])
    : [[], []];
  return (
    <CallbacksManager
      initialEndpoints={asJson<EndpointRow[]>(endpoints)}
      initialDeliveries={asJson<DeliveryRow[]>(deliveries)}
      defaultUrl={defaultEndpointUrl(store?.storeDomain ?? null)}
      disableAfter={callbackEnv().CALLBACK_DISABLE_AFTER_FAILURES}
      maxEndpoints={MAX_ENDPOINTS_PER_STORE}
    />
  );
}
