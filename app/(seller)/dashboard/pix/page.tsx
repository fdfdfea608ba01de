import { asJson } from "@/components/catalog/types";
import { PixManager } from "@/components/pix/pix-manager";
import type { GatewayConfigRow, GatewayType, PixChargeRow } from "@/components/pix/types";
import { requireSellerPage } from "@/lib/auth/session";
import { listGatewayConfigs, listGatewayTypes, listPixCharges } from "@/lib/pix/service";

export const metadata = { title: "PIX" };

export default async function PixPage() {
  const { store } = await requireSellerPage();
  const [configs, charges] = store
    ? await Promise.all([listGatewayConfigs(store.id), listPixCharges(store.id, { limit: 50 })])
    : [[], { data: [] }];
  return (
    <PixManager
      types={asJson<GatewayType[]>(listGatewayTypes())}
      initialConfigs={asJson<GatewayConfigRow[]>(configs)}
      initialCharges={asJson<PixChargeRow[]>(charges.data)}
    />
  );
}
