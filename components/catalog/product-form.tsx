"use client";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { useToast } from "@/components/ui/toast";
import { PlusIcon, XIcon } from "@/components/ui/icons";
import { apiErrorText, type ErrorText } from "@/components/connect/api-error-text";
import { type PlanLimit, PlanLimitAlert, planLimitOf } from "@/components/billing/plan-limit-alert";
import {
  emptyDraft,
  priceParam,
  readDraft,
  stripParam,
  type PriceDraft,
  type PriceErrors,
  type PriceInputBody,
} from "./price-draft";
import { PriceFields } from "./price-fields";
import { ProductDetailsFields, readDetails, type DetailsErrors } from "./product-details-fields";
import type { ProductView } from "./types";

const MAX_PRICES = 5;

/** New product with 1–5 prices; one Idempotency-Key per mount, so a double submit creates one product. */
export function ProductForm({ defaultCurrency }: { defaultCurrency: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const qc = useQueryClient();
  // One key per mount, made on first submit (the server render has no crypto.randomUUID/window).
  const keyRef = useRef<string | null>(null);
  const [prices, setPrices] = useState<PriceDraft[]>(() => [emptyDraft(defaultCurrency)]);
  const [priceErrors, setPriceErrors] = useState<PriceErrors[]>([]);
  const [detailErrors, setDetailErrors] = useState<DetailsErrors>({});
  const [formError, setFormError] = useState<ErrorText | null>(null);
  const [planLimit, setPlanLimit] = useState<PlanLimit | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    setPlanLimit(null);
    const details = readDetails(t, new FormData(e.currentTarget));
    const rows = prices.map((d) => readDraft(t, locale, d));
    setDetailErrors(details.errors);
    setPriceErrors(rows.map((r) => r.errors));
    if (!details.body || rows.some((r) => !r.body)) return;
    setBusy(true);
    try {
      const product = await apiFetch<ProductView>("/api/v1/products", {
        method: "POST",
        body: { ...details.body, prices: rows.map((r) => r.body as PriceInputBody) },
        idempotencyKey: (keyRef.current ??= newIdempotencyKey()),
      });
      toast.success(t("catalog.form.created"));
      void qc.invalidateQueries({ queryKey: ["products"] });
      router.push(`/dashboard/products/${product.id}`);
    } catch (err) {
      setBusy(false);
      showServerError(err);
    }
  }

  function showServerError(err: unknown) {
    const limit = planLimitOf(err);
    if (limit) return setPlanLimit(limit);
    if (err instanceof ApiError && err.code === "validation_failed" && err.param) {
      const price = err.param.startsWith("prices.") ? priceParam(err.param) : null;
      if (price) {
        setPriceErrors((list) =>
          prices.map((_, i) =>
            i === price.row ? { ...list[i], [price.field]: stripParam(err.message) } : (list[i] ?? {}),
          ),
        );
        return;
      }
      if (err.param === "name" || err.param === "description" || err.param === "imageUrl") {
        setDetailErrors({ [err.param]: stripParam(err.message) });
        return;
      }
    }
    setFormError(apiErrorText(t, err));
  }

  const update = (i: number, next: PriceDraft) => setPrices((list) => list.map((d, j) => (j === i ? next : d)));
  const remove = (i: number) => {
    setPrices((list) => list.filter((_, j) => j !== i));
    setPriceErrors((list) => list.filter((_, j) => j !== i));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {planLimit && <PlanLimitAlert limit={planLimit} />}
      {formError && (
        <Alert tone="danger" title={formError.title}>
          {formError.detail}
        </Alert>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{t("catalog.form.details")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProductDetailsFields errors={detailErrors} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("catalog.form.prices")}</CardTitle>
          <CardDescription>{t("catalog.form.pricesHint")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {prices.map((draft, i) => (
            <fieldset
              key={draft.key}
              aria-labelledby={`${draft.key}-title`}
              className="rounded-lg border border-line bg-surface p-4"
              data-testid={`price-row-${i}`}
            >
              <div className="mb-3 flex items-center justify-between gap-2">
                <p id={`${draft.key}-title`} className="text-sm font-semibold text-ink">
                  {t("catalog.form.price", { n: i + 1 })}
                </p>
                {prices.length > 1 && (
                  <Button
                    variant="ghost"
                    size="sm"
                    iconOnly
                    aria-label={t("catalog.form.removePrice", { n: i + 1 })}
                    onClick={() => remove(i)}
                  >
                    <XIcon />
                  </Button>
                )}
              </div>
              <PriceFields
                draft={draft}
                errors={priceErrors[i] ?? {}}
                onChange={(next) => update(i, next)}
                idPrefix={`price-${draft.key}`}
              />
            </fieldset>
          ))}
          {prices.length < MAX_PRICES && (
            <Button
              variant="secondary"
              onClick={() => setPrices((list) => [...list, emptyDraft(list.at(-1)?.currency ?? defaultCurrency)])}
            >
              <PlusIcon aria-hidden />
              {t("catalog.form.addPrice")}
            </Button>
          )}
        </CardContent>
        <CardFooter>
          <Button variant="secondary" href="/dashboard/products">
            {t("catalog.form.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("catalog.form.create")}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
