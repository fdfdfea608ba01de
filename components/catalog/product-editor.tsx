"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { apiErrorText } from "@/components/connect/api-error-text";
import { ProductDetailsFields, readDetails, type DetailsErrors } from "./product-details-fields";
import { ProductPrices } from "./product-prices";
import { PublishAlert } from "./publish-alert";
import { stripParam } from "./price-draft";
import type { ProductView } from "./types";

type Patch = {
  name?: string;
  description?: string | null;
  imageUrl?: string | null;
  maxQuantity?: number;
  active?: boolean;
};

export function ProductEditor({
  initial,
  connected,
  defaultCurrency,
}: {
  initial: ProductView;
  connected: boolean;
  defaultCurrency: string;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const qc = useQueryClient();
  const key = ["product", initial.id];
  const product = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<ProductView>(`/api/v1/products/${initial.id}`),
    initialData: initial,
    staleTime: Infinity,
  }).data;
  const [errors, setErrors] = useState<DetailsErrors>({});
  const [archiving, setArchiving] = useState(false);

  const patch = useMutation({
    mutationFn: (body: Patch) => apiFetch<ProductView>(`/api/v1/products/${product.id}`, { method: "PATCH", body }),
    onSuccess: (next, body) => {
      qc.setQueryData(key, next);
      void qc.invalidateQueries({ queryKey: ["products"] });
      router.refresh();
      toast.success(
        body.active === false
          ? t("catalog.detail.archived")
          : body.active === true
            ? t("catalog.detail.restored")
            : t("catalog.form.saved"),
      );
    },
    onError: (err) => {
      if (
        err instanceof ApiError &&
        err.code === "validation_failed" &&
        (err.param === "name" || err.param === "description" || err.param === "imageUrl" || err.param === "maxQuantity")
      ) {
        setErrors({ [err.param]: stripParam(err.message) });
        return;
      }
      const e = apiErrorText(t, err);
      toast.error(e.title, { description: e.detail });
    },
  });

  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { errors: next, body } = readDetails(t, new FormData(e.currentTarget));
    setErrors(next);
    if (body)
      patch.mutate({
        name: body.name,
        description: body.description ?? null,
        imageUrl: body.imageUrl ?? null,
        maxQuantity: body.maxQuantity,
      });
  }

  const onStripe = !!product.stripeProductId;
  return (
    <div className="space-y-6">
      {!product.active && <Alert tone="neutral">{t("catalog.detail.archivedNotice")}</Alert>}
      {!onStripe && <PublishAlert count={1} connected={connected} />}
      <Card>
        <CardHeader
          actions={
            product.active ? (
              <Badge tone="success" dot>
                {t("catalog.detail.active")}
              </Badge>
            ) : (
              <Badge tone="neutral">{t("catalog.archived")}</Badge>
            )
          }
        >
          <CardTitle>{t("catalog.form.details")}</CardTitle>
        </CardHeader>
        <form onSubmit={onSave} noValidate>
          <CardContent>
            <ProductDetailsFields key={product.id} errors={errors} defaults={product} />
          </CardContent>
          <CardFooter>
            {product.active ? (
              <Button
                variant="ghost"
                className="mr-auto"
                onClick={() => setArchiving(true)}
                disabled={!connected || patch.isPending}
              >
                {t("catalog.detail.archiveProduct")}
              </Button>
            ) : (
              <Button
                variant="secondary"
                className="mr-auto"
                onClick={() => patch.mutate({ active: true })}
                loading={patch.isPending && patch.variables?.active === true}
                disabled={!connected}
              >
                {t("catalog.detail.restoreProduct")}
              </Button>
            )}
            <Button
              type="submit"
              loading={patch.isPending && patch.variables?.active === undefined}
              disabled={!connected}
            >
              {t("catalog.form.save")}
            </Button>
          </CardFooter>
        </form>
      </Card>
      <ProductPrices
        product={product}
        canEdit={connected && onStripe}
        defaultCurrency={defaultCurrency}
        onChanged={(next) => qc.setQueryData(key, next)}
      />
      <ConfirmDialog
        open={archiving}
        onOpenChange={setArchiving}
        title={t("catalog.detail.archiveTitle")}
        description={t("catalog.detail.archiveBody")}
        confirmLabel={t("catalog.detail.archiveProduct")}
        tone="danger"
        onConfirm={async () => {
          await patch.mutateAsync({ active: false });
        }}
      />
    </div>
  );
}
