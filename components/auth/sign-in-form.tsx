"use client";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";

const KNOWN = ["invalid_credentials", "account_suspended", "rate_limited"] as const;
type Known = (typeof KNOWN)[number];

/** Only same-site paths are followed after sign-in. */
function safeCallback(value: string | null): string | null {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : null;
}

export function SignInForm() {
  const { t } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    if (!res || res.error) {
      const code = (KNOWN as readonly string[]).includes(res?.error ?? "") ? (res!.error as Known) : null;
      setError(code ? t(`auth.errors.${code}`) : t("auth.errors.generic"));
      setPending(false);
      return;
    }
    router.replace(safeCallback(params.get("callbackUrl")) ?? "/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {params.get("passwordChanged") && !error && <Alert tone="success">{t("auth.passwordChanged")}</Alert>}
      {error && <Alert tone="danger" role="alert">{error}</Alert>}
      <Field label={t("auth.email")} required>
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label={t("auth.password")} required>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" fullWidth loading={pending}>{t("auth.submitSignIn")}</Button>
    </form>
  );
}
