import { asJson } from "@/components/catalog/types";
import { CallbacksManager } from "@/components/callbacks/callbacks-manager";
import { DELIVERY_PAGE, type DeliveryPage, type EndpointRow } from "@/components/callbacks/types";
import { requireSellerPage } from "@/lib/auth/session";
import { callbackEnv, MAX_ENDPOINTS_PER_STORE } from "@/lib/callbacks/config";
import { defaultEndpointUrl, listEndpoints } from "@/lib/callbacks/endpoints";
import { pageDeliveries } from "@/lib/callbacks/deliveries";

export const metadata = { title: "Store callbacks" };

export default async function CallbacksPage() {
  const { store } = await requireSellerPage();
  const [endpoints, deliveries] = store
    ? await Promise.all([listEndpoints(store.id), pageDeliveries(store.id, { limit: DELIVERY_PAGE })])
    : [[], { data: [], nextCursor: null }];
  return (
    <CallbacksManager
      initialEndpoints={asJson<EndpointRow[]>(endpoints)}
      initialDeliveries={asJson<DeliveryPage>(deliveries)}
      defaultUrl={defaultEndpointUrl(store?.storeDomain ?? null)}
      disableAfter={callbackEnv().CALLBACK_DISABLE_AFTER_FAILURES}
      maxEndpoints={MAX_ENDPOINTS_PER_STORE}
    />
  );
}
