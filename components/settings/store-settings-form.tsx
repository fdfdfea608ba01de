"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { StoreSettings } from "@/lib/tenancy/store-settings";
import { STORE_CURRENCIES } from "@/lib/tenancy/store-options";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { useToast } from "@/components/ui/toast";

const ZONES = [
  "America/Sao_Paulo",
  "America/Manaus",
  "America/Fortaleza",
  "America/Noronha",
  "America/Rio_Branco",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Mexico_City",
  "America/Argentina/Buenos_Aires",
  "America/Toronto",
  "Europe/Lisbon",
  "Europe/London",
  "Europe/Madrid",
  "Europe/Paris",
  "Europe/Berlin",
  "UTC",
];

/** The current store's own settings: name, currency, website, time zone, where buyers land after paying. */
export function StoreSettingsForm({ settings }: { settings: StoreSettings }) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [mode, setMode] = useState(settings.afterPayment);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const zones = ZONES.includes(settings.timeZone) ? ZONES : [settings.timeZone, ...ZONES];
  const err = (field: string) => errors[field];

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setErrors({});
    setFormError(null);
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? "").trim();
    try {
      await apiFetch("/api/settings/store", {
        method: "PATCH",
        body: {
          name: text("name"),
          storeDomain: text("storeDomain"),
          timeZone: text("timeZone"),
          ...(settings.currencyLockedBy ? {} : { currency: text("currency") }),
          afterPayment:
            mode === "redirect"
              ? { mode, successUrl: text("successUrl"), cancelUrl: text("cancelUrl") }
              : { mode: "receipt" },
        },
      });
      toast.success(t("settings.storeSettings.saved"));
      router.refresh();
    } catch (e) {
      const fields = e instanceof ApiError ? (e.details?.fields as Record<string, string> | undefined) : undefined;
      if (fields)
        setErrors(
          Object.fromEntries(
            Object.entries(fields).map(([f, key]) => [f, t(`settings.storeSettings.errors.${key}` as MessageKey)]),
          ),
        );
      else setFormError(e instanceof ApiError ? e.message : t("common.error"));
    } finally {
      setPending(false);
    }
  }

  const locked =
    settings.currencyLockedBy === "orders"
      ? t("settings.storeSettings.currencyLockedOrders")
      : settings.currencyLockedBy === "prices"
        ? t("settings.storeSettings.currencyLockedPrices")
        : null;

  return (
    <Card className="lg:col-span-2" data-testid="store-settings">
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle>{t("settings.storeSettings.title")}</CardTitle>
          <CardDescription>{t("settings.storeSettings.description", { store: settings.name })}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {formError && (
            <Alert tone="danger" role="alert">
              {formError}
            </Alert>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <Field label={t("settings.storeSettings.name")} error={err("name")} required>
              <Input name="name" defaultValue={settings.name} maxLength={80} required />
            </Field>
            <Field label={t("settings.storeSettings.currency")} hint={locked ?? undefined} error={err("currency")}>
              <Select
                name="currency"
                defaultValue={settings.currency}
                disabled={Boolean(locked)}
                options={STORE_CURRENCIES.map((c) => ({ value: c, label: c }))}
              />
            </Field>
            <Field
              label={t("settings.storeSettings.website")}
              hint={t("settings.storeSettings.websiteHint")}
              error={err("storeDomain")}
            >
              <Input name="storeDomain" type="url" defaultValue={settings.storeDomain ?? ""} placeholder="https://" />
            </Field>
            <Field
              label={t("settings.storeSettings.timeZone")}
              hint={t("settings.storeSettings.timeZoneHint")}
              error={err("timeZone")}
            >
              <Select
                name="timeZone"
                defaultValue={settings.timeZone}
                options={zones.map((z) => ({ value: z, label: z }))}
              />
            </Field>
          </div>
          <fieldset className="space-y-3 rounded-lg border border-line p-4">
            <legend className="px-1 text-sm font-medium text-ink">{t("settings.storeSettings.afterPayment")}</legend>
            <label className="flex items-start gap-3 text-sm">
              <input
                type="radio"
                name="afterPayment"
                value="receipt"
                checked={mode === "receipt"}
                onChange={() => setMode("receipt")}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{t("settings.storeSettings.receipt")}</span>
                <span className="block text-ink-muted">{t("settings.storeSettings.receiptHint")}</span>
              </span>
            </label>
            <label className="flex items-start gap-3 text-sm">
              <input
                type="radio"
                name="afterPayment"
                value="redirect"
                checked={mode === "redirect"}
                onChange={() => setMode("redirect")}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{t("settings.storeSettings.redirect")}</span>
                <span className="block text-ink-muted">{t("settings.storeSettings.redirectHint")}</span>
              </span>
            </label>
            {mode === "redirect" && (
              <div className="grid gap-4 md:grid-cols-2">
                <Field label={t("settings.storeSettings.successUrl")} error={err("afterPayment.successUrl")} required>
                  <Input
                    name="successUrl"
                    type="url"
                    defaultValue={settings.afterPaymentSuccessUrl ?? ""}
                    placeholder="https://"
                  />
                </Field>
                <Field label={t("settings.storeSettings.cancelUrl")} error={err("afterPayment.cancelUrl")} required>
                  <Input
                    name="cancelUrl"
                    type="url"
                    defaultValue={settings.afterPaymentCancelUrl ?? ""}
                    placeholder="https://"
                  />
                </Field>
              </div>
            )}
          </fieldset>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={pending}>
            {t("settings.storeSettings.save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
