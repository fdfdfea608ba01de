"use client";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { ShieldIcon, CreditCardIcon, CoinsIcon, ActivityIcon, ArrowRightIcon } from "@/components/ui/icons";
import { apiErrorText, type ErrorText } from "./api-error-text";

const COUNTRIES = ["BR", "US", "PT", "AR", "MX", "ES", "GB", "DE", "FR", "CA"] as const;
type FieldName = "country" | "email" | "businessType" | "storeDomain";

/** Explains why, collects the four things Stripe needs to open an Express account, then hands over to Stripe. */
export function ConnectOnboarding({ defaultEmail, defaultWebsite }: { defaultEmail: string; defaultWebsite: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: FieldName; message: string } | null>(null);
  const [formError, setFormError] = useState<ErrorText | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFieldError(null);
    setFormError(null);
    setBusy(true);
    const form = new FormData(e.currentTarget);
    const website = String(form.get("storeDomain") ?? "").trim();
    const body = {
      country: String(form.get("country")),
      email: String(form.get("email") ?? "").trim() || undefined,
      businessType: String(form.get("businessType")),
      storeDomain: website ? (/^https?:\/\//i.test(website) ? website : `https://${website}`) : undefined,
    };
    try {
      await apiFetch("/api/v1/connect/account", { method: "POST", body }).catch((err: unknown) => {
        // A second tab (or a retried click) already created it: carry on to onboarding.
        if (err instanceof ApiError && err.code === "already_exists") return;
        throw err;
      });
      const link = await apiFetch<{ url: string }>("/api/v1/connect/account-links", {
        method: "POST",
        body: { type: "account_onboarding" },
      });
      window.location.assign(link.url);
    } catch (err) {
      setBusy(false);
      const param = err instanceof ApiError ? err.param : undefined;
      if (
        err instanceof ApiError &&
        err.code === "validation_failed" &&
        param &&
        ["country", "email", "businessType", "storeDomain"].includes(param)
      ) {
        setFieldError({ field: param as FieldName, message: err.message.replace(/^[\w.]+: /, "") });
      } else setFormError(apiErrorText(t, err));
    }
  }

  const errorFor = (field: FieldName) => (fieldError?.field === field ? fieldError.message : undefined);
  const benefits = [
    { icon: <CreditCardIcon />, text: t("connect.why.cards") },
    { icon: <CoinsIcon />, text: t("connect.why.payouts") },
    { icon: <ActivityIcon />, text: t("connect.why.dashboard") },
  ];

  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <Card className="self-start lg:col-span-2">
        <CardHeader>
          <CardTitle>{t("connect.why.title")}</CardTitle>
          <CardDescription>{t("connect.why.body")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ul className="space-y-3 text-sm">
            {benefits.map((b) => (
              <li key={b.text} className="flex items-start gap-3">
                <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700 ring-1 ring-brand-100 [&_svg]:size-4">
                  {b.icon}
                </span>
                <span className="pt-1.5 text-ink">{b.text}</span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card className="lg:col-span-3">
        <CardHeader>
          <CardTitle>{t("connect.form.title")}</CardTitle>
          <CardDescription>{t("connect.form.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            {formError && (
              <Alert tone="danger" title={formError.title}>
                {formError.detail}
              </Alert>
            )}
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("connect.form.country")} error={errorFor("country")} required>
                <Select
                  name="country"
                  defaultValue="BR"
                  options={COUNTRIES.map((c) => ({ value: c, label: t(`connect.countries.${c}`) }))}
                />
              </Field>
              <Field label={t("connect.form.businessType")} error={errorFor("businessType")} required>
                <Select
                  name="businessType"
                  defaultValue="individual"
                  options={[
                    { value: "individual", label: t("connect.form.individual") },
                    { value: "company", label: t("connect.form.company") },
                  ]}
                />
              </Field>
            </div>
            <Field label={t("connect.form.email")} hint={t("connect.form.emailHint")} error={errorFor("email")}>
              <Input name="email" type="email" defaultValue={defaultEmail} autoComplete="email" maxLength={254} />
            </Field>
            <Field
              label={t("connect.form.website")}
              hint={t("connect.form.websiteHint")}
              error={errorFor("storeDomain")}
            >
              <Input
                name="storeDomain"
                type="url"
                inputMode="url"
                defaultValue={defaultWebsite}
                placeholder="https://minhaloja.com.br"
                maxLength={2048}
              />
            </Field>
            <div className="flex flex-col gap-3 pt-1 sm:flex-row sm:items-center sm:justify-between">
              <p className="flex items-start gap-1.5 text-[13px] text-ink-subtle">
                <ShieldIcon className="mt-px size-4 shrink-0 text-success" aria-hidden />
                {t("connect.form.secure")}
              </p>
              <Button type="submit" loading={busy}>
                {busy ? t("connect.form.redirecting") : t("connect.form.submit")}
                {!busy && <ArrowRightIcon aria-hidden />}
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
