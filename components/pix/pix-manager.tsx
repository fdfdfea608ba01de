"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, QrCodeIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { useToast } from "@/components/ui/toast";
import { ChargeDetailDialog } from "./charge-detail-dialog";
import { ChargesSection } from "./charges-section";
import { GatewayCard } from "./gateway-card";
import { GatewayFormDialog } from "./gateway-form-dialog";
import { NewChargeDialog } from "./new-charge-dialog";
import { CONFIGS_KEY, listOf, type GatewayConfigRow, type GatewayType, type PixChargeRow } from "./types";

type Props = { types: GatewayType[]; initialConfigs: GatewayConfigRow[]; initialCharges?: PixChargeRow[] };

const byPriority = (a: GatewayConfigRow, b: GatewayConfigRow) => a.priority - b.priority;

/** The PIX page body: gateway cards in priority order, the add dialog, and the charges. */
export function PixManager({ types, initialConfigs, initialCharges }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [creatingCharge, setCreatingCharge] = useState(false);
  const [openCharge, setOpenCharge] = useState<string | null>(null);
  const configs = useQuery({
    queryKey: CONFIGS_KEY,
    queryFn: async () => listOf<GatewayConfigRow>(await apiFetch("/api/v1/pix/configs")),
    initialData: initialConfigs,
  });
  const list = [...configs.data].sort(byPriority);
  // The first gateway that takes charges decides which buyer data the charge form asks for.
  const first = list.find((c) => c.active && c.lastVerifyOk === true);
  const firstType = first ? types.find((g) => g.id === first.gateway) : undefined;
  const buyerNeeds = first && firstType?.customer ? { gateway: first.gateway, requirements: firstType.customer } : null;

  const reorder = useMutation({
    mutationFn: (ids: string[]) => apiFetch("/api/v1/pix/configs/reorder", { method: "POST", body: { ids } }),
    onMutate: async (ids) => {
      await qc.cancelQueries({ queryKey: CONFIGS_KEY });
      const previous = qc.getQueryData<GatewayConfigRow[]>(CONFIGS_KEY);
      qc.setQueryData<GatewayConfigRow[]>(CONFIGS_KEY, (rows) =>
        rows?.map((r) => ({ ...r, priority: ids.indexOf(r.id) })),
      );
      return { previous };
    },
    onError: (err, _ids, context) => {
      if (context?.previous) qc.setQueryData(CONFIGS_KEY, context.previous);
      toast.error(err instanceof ApiError ? err.message : t("common.error"));
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: CONFIGS_KEY }),
  });
  const move = (index: number, direction: -1 | 1) => {
    const ids = list.map((c) => c.id);
    const target = index + direction;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    reorder.mutate(ids);
  };

  const addButton = (
    <Button onClick={() => setAdding(true)}>
      <PlusIcon aria-hidden />
      {t("pix.gateways.add")}
    </Button>
  );
  const anyActive = list.some((c) => c.active);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("pix.title")}
        description={t("pix.description")}
        actions={list.length > 0 ? addButton : undefined}
      />
      {list.length === 0 ? (
        <EmptyState
          icon={<QrCodeIcon />}
          title={t("pix.gateways.emptyTitle")}
          description={t("pix.gateways.emptyBody")}
          action={addButton}
        />
      ) : (
        <section className="space-y-3" aria-labelledby="pix-gateways-title">
          <div>
            <h2 id="pix-gateways-title" className="text-base font-semibold text-ink">
              {t("pix.gateways.title")}
            </h2>
            <p className="text-[13px] text-ink-muted">{t("pix.gateways.description")}</p>
          </div>
          {!anyActive && <Alert tone="warning">{t("pix.gateways.noActive")}</Alert>}
          <div className="space-y-4">
            {list.map((config, i) => (
              <GatewayCard
                key={config.id}
                config={config}
                type={types.find((g) => g.id === config.gateway)}
                types={types}
                position={i}
                count={list.length}
                onMove={(d) => move(i, d)}
                moving={reorder.isPending}
              />
            ))}
          </div>
        </section>
      )}
      {list.length > 0 && (
        <ChargesSection
          initial={initialCharges}
          onOpen={setOpenCharge}
          onNew={() => setCreatingCharge(true)}
          canCreate={anyActive}
        />
      )}
      <GatewayFormDialog open={adding} onOpenChange={setAdding} types={types} />
      <NewChargeDialog open={creatingCharge} onOpenChange={setCreatingCharge} buyer={buyerNeeds} />
      <ChargeDetailDialog chargeId={openCharge} onClose={() => setOpenCharge(null)} types={types} />
    </div>
  );
}
