"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Select } from "@/components/ui/select";
import { apiFetch, ApiError } from "@/components/api-client";
import type { MessageKey } from "@/lib/i18n/translate";
import { defaultCurrencyFor, STORE_COUNTRIES, STORE_CURRENCIES } from "@/lib/tenancy/store-options";

type FieldName = "name" | "email" | "password" | "storeName" | "country" | "currency";

/** Every field's error from a 422 (`details.fields`: field → message key), in the page's language. */
function fieldMessages(err: ApiError, t: (key: MessageKey) => string): Partial<Record<FieldName, string>> {
  const fields = (err.details?.fields ?? (err.param ? { [err.param]: "invalid" } : {})) as Record<string, string>;
  const out: Partial<Record<FieldName, string>> = {};
  for (const [field, key] of Object.entries(fields))
    out[field as FieldName] = t(`auth.fieldErrors.${key}` as MessageKey);
  return out;
}

export function SignUpForm() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [pending, setPending] = useState(false);
  const [country, setCountry] = useState("BR");
  const [currency, setCurrency] = useState<string>("BRL");
  // The currency follows the country until the seller picks one themselves.
  const [currencyTouched, setCurrencyTouched] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const form = new FormData(e.currentTarget);
    const body = {
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
      storeName: String(form.get("storeName")),
      country,
      currency,
      locale,
    };
    try {
      await apiFetch("/api/auth/sign-up", { method: "POST", body });
    } catch (err) {
      if (err instanceof ApiError && err.code === "validation_failed") setFieldErrors(fieldMessages(err, t));
      else setError(err instanceof ApiError ? err.message : t("auth.errors.generic"));
      setPending(false);
      return;
    }
    // The sign-up answer is the same for a new and an existing email; the sign-in after it fails for
    // an existing one unless this is its password (no email verification yet: docs/operations.md).
    const res = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
    if (!res || res.error) {
      setError(t("auth.signUpThenSignIn"));
      setPending(false);
      return;
    }
    router.replace("/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <Field label={t("auth.name")} error={fieldErrors.name} required>
        <Input name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label={t("auth.email")} error={fieldErrors.email} required>
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label={t("auth.password")} hint={t("auth.passwordHint")} error={fieldErrors.password} required>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field label={t("auth.storeName")} hint={t("auth.storeNameHint")} error={fieldErrors.storeName} required>
        <Input name="storeName" required maxLength={80} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("auth.country")} hint={t("auth.countryHint")} error={fieldErrors.country}>
          <Select
            name="country"
            value={country}
            onChange={(e) => {
              setCountry(e.target.value);
              if (!currencyTouched) setCurrency(defaultCurrencyFor(e.target.value));
            }}
            options={STORE_COUNTRIES.map((c) => ({ value: c, label: t(`connect.countries.${c}`) }))}
          />
        </Field>
        <Field label={t("auth.currency")} error={fieldErrors.currency}>
          <Select
            name="currency"
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value);
              setCurrencyTouched(true);
            }}
            options={STORE_CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
        </Field>
      </div>
      <p className="-mt-2 text-xs text-ink-subtle">{t("auth.currencyHint")}</p>
      <Button type="submit" fullWidth loading={pending}>
        {t("auth.submitSignUp")}
      </Button>
    </form>
  );
}
