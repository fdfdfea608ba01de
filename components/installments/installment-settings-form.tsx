"use client";
// The seller's caps on card installments (most installments, smallest installment), and a plain
// statement of where Stripe offers installments and boleto at all. Mounted on the Connect page.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";
import { amountToInput, parseAmount } from "@/lib/money";

type Settings = {
  maxCount: number;
  minAmount: number;
  currency: string;
  accountCountry: string | null;
  installmentsAvailable: boolean;
  boletoAvailable: boolean;
  boletoExpiresAfterDays: number;
  maxAllowed: number;
};

export function InstallmentSettingsForm() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ["store-installments"],
    queryFn: () => apiFetch<{ installments: Settings }>("/api/v1/store/installments").then((r) => r.installments),
  });
  const [maxCount, setMaxCount] = useState("");
  const [minAmount, setMinAmount] = useState("");
  const [errors, setErrors] = useState<{ maxCount?: string; minAmount?: string }>({});
  const [pending, setPending] = useState(false);
  const toast = useToast();

  useEffect(() => {
    if (!data) return;
    setMaxCount(String(data.maxCount));
    setMinAmount(amountToInput(data.minAmount, data.currency, locale));
  }, [data, locale]);

  if (!data) return <Skeleton className="h-40 w-full" />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!data) return;
    const count = Number(maxCount);
    const amount = parseAmount(minAmount, data.currency, locale);
    const next = {
      maxCount: Number.isInteger(count) && count >= 1 && count <= data.maxAllowed ? undefined : "1–" + data.maxAllowed,
      minAmount: amount.ok ? undefined : t("checkout.settings.minAmountHint"),
    };
    setErrors(next);
    if (next.maxCount || next.minAmount || !amount.ok) return;
    setPending(true);
    try {
      const saved = await apiFetch<{ installments: Settings }>("/api/v1/store/installments", {
        method: "PUT",
        body: { maxCount: count, minAmount: amount.minor },
      });
      queryClient.setQueryData(["store-installments"], saved.installments);
      toast.success(t("checkout.settings.saved"));
    } catch (err) {
      setErrors({ maxCount: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardContent className="space-y-4 py-6" data-testid="installment-settings">
        <div>
          <h2 className="text-base font-semibold text-ink">{t("checkout.settings.title")}</h2>
          <p className="mt-1 text-sm text-ink-muted">{t("checkout.settings.description")}</p>
        </div>
        {!data.accountCountry ? (
          <Alert tone="info">{t("checkout.settings.notConnected")}</Alert>
        ) : !data.installmentsAvailable ? (
          <Alert tone="warning">{t("checkout.settings.unavailable")}</Alert>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label={t("checkout.settings.maxCount")}
                hint={t("checkout.settings.maxCountHint", { max: data.maxAllowed })}
                error={errors.maxCount}
              >
                <Input
                  type="number"
                  min={1}
                  max={data.maxAllowed}
                  value={maxCount}
                  onChange={(e) => setMaxCount(e.target.value)}
                />
              </Field>
              <Field
                label={t("checkout.settings.minAmount")}
                hint={t("checkout.settings.minAmountHint")}
                error={errors.minAmount}
              >
                <Input
                  inputMode="decimal"
                  leading={data.currency}
                  value={minAmount}
                  onChange={(e) => setMinAmount(e.target.value)}
                />
              </Field>
            </div>
            <p className="text-sm text-ink-muted">{t("checkout.settings.where")}</p>
            <Button type="submit" loading={pending}>
              {t("checkout.settings.save")}
            </Button>
          </form>
        )}
        {data.accountCountry && (
          <p className="text-sm text-ink-muted">
            {data.boletoAvailable
              ? t("checkout.settings.boletoOn", { days: data.boletoExpiresAfterDays })
              : t("checkout.settings.boletoOff")}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
