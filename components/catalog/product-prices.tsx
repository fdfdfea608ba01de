"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle, CardDescription } from "@/components/ui/card";
import { Code } from "@/components/ui/code";
import { useToast } from "@/components/ui/toast";
import { PlusIcon } from "@/components/ui/icons";
import { apiErrorText } from "@/components/connect/api-error-text";
import { AddPriceDialog } from "./add-price-dialog";
import { PriceLabel } from "./price-label";
import type { PriceView, ProductView } from "./types";

type Props = {
  product: ProductView;
  canEdit: boolean;
  defaultCurrency: string;
  onChanged: (next: ProductView) => void;
};

export function ProductPrices({ product, canEdit, defaultCurrency, onChanged }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);

  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiFetch<PriceView>(`/api/v1/prices/${id}`, { method: "PATCH", body: { active } }),
    onSuccess: (price) => {
      onChanged({ ...product, prices: product.prices.map((p) => (p.id === price.id ? price : p)) });
      void qc.invalidateQueries({ queryKey: ["products"] });
      toast.success(price.active ? t("catalog.detail.priceRestored") : t("catalog.detail.priceArchived"));
    },
    onError: (err) => {
      const e = apiErrorText(t, err);
      toast.error(e.title, { description: e.detail });
    },
  });

  return (
    <Card>
      <CardHeader
        actions={
          canEdit ? (
            <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden />
              {t("catalog.detail.addPrice")}
            </Button>
          ) : undefined
        }
      >
        <CardTitle>{t("catalog.detail.pricesTitle")}</CardTitle>
        <CardDescription>{t("catalog.detail.pricesDescription")}</CardDescription>
      </CardHeader>
      <ul className="divide-y divide-line border-t border-line" data-testid="product-prices">
        {product.prices.length === 0 && (
          <li className="px-5 py-6 text-center text-sm text-ink-subtle sm:px-6">{t("catalog.noPrices")}</li>
        )}
        {product.prices.map((price) => {
          const busy = setActive.isPending && setActive.variables?.id === price.id;
          return (
            <li key={price.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3.5 sm:px-6">
              <div className="min-w-0 space-y-1">
                <PriceLabel price={price} />
                <p className="text-xs text-ink-subtle">
                  {t("catalog.detail.priceId")}: <Code>{price.id}</Code>
                </p>
              </div>
              {canEdit && (
                <Button
                  size="sm"
                  variant={price.active ? "ghost" : "secondary"}
                  loading={busy}
                  disabled={setActive.isPending && !busy}
                  onClick={() => setActive.mutate({ id: price.id, active: !price.active })}
                >
                  {price.active ? t("catalog.detail.archivePrice") : t("catalog.detail.restorePrice")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {adding && (
        <AddPriceDialog
          productId={product.id}
          defaultCurrency={product.prices.at(-1)?.currency ?? defaultCurrency}
          onClose={() => setAdding(false)}
          onAdded={(price) => {
            onChanged({ ...product, prices: [...product.prices, price] });
            void qc.invalidateQueries({ queryKey: ["products"] });
            toast.success(t("catalog.detail.priceAdded"));
            setAdding(false);
          }}
        />
      )}
    </Card>
  );
}
