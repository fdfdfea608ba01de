"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { parseSignInError } from "@/lib/auth/sign-in-errors";
import type { TranslateFn } from "@/lib/i18n/translate";

/** The message for a sign-in failure code (signIn()'s error, or `?error=` after a redirect). */
function errorMessage(t: TranslateFn, value: string | null | undefined): string {
  const known = parseSignInError(value);
  if (!known) return t("auth.errors.generic");
  if (known.code === "account_locked") return t("auth.errors.account_locked", { minutes: known.minutes ?? 15 });
  return t(`auth.errors.${known.code}`);
}

/** Only same-site paths are followed after sign-in. */
function safeCallback(value: string | null): string | null {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : null;
}

export function SignInForm() {
  const { t } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(() =>
    params.get("error") ? errorMessage(t, params.get("error")) : null,
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (!res || res.error) {
      setError(errorMessage(t, res?.error));
      setPending(false);
      return;
    }
    router.replace(safeCallback(params.get("callbackUrl")) ?? "/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {params.get("passwordChanged") && !error && <Alert tone="success">{t("auth.passwordChanged")}</Alert>}
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <Field label={t("auth.email")} required>
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label={t("auth.password")} required>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" fullWidth loading={pending}>
        {t("auth.submitSignIn")}
      </Button>
    </form>
  );
}
