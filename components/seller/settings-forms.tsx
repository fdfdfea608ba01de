"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";

export function ProfileForm({ name, email, locale }: { name: string; email: string; locale: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(e.currentTarget);
    try {
      await apiFetch("/api/settings/profile", {
        method: "PATCH",
        body: { name: String(form.get("name")), locale: String(form.get("locale")) },
      });
      toast.success(t("settings.profileSaved"));
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("common.error"));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit}>
        <CardHeader>
          <CardTitle>{t("settings.profile")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Field label={t("settings.name")} error={error} required>
            <Input name="name" defaultValue={name} maxLength={100} required />
          </Field>
          <Field label={t("settings.email")}>
            <Input value={email} readOnly disabled />
          </Field>
          <Field label={t("settings.language")}>
            <Select
              name="locale"
              defaultValue={locale}
              options={[
                { value: "pt-BR", label: "Português (Brasil)" },
                { value: "en", label: "English" },
              ]}
            />
          </Field>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={pending}>
            {t("settings.saveProfile")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

export function PasswordForm() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<{ currentPassword?: string; newPassword?: string; form?: string }>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setErrors({});
    const form = new FormData(e.currentTarget);
    try {
      await apiFetch("/api/settings/password", {
        method: "POST",
        body: { currentPassword: String(form.get("currentPassword")), newPassword: String(form.get("newPassword")) },
      });
      await signOut({ callbackUrl: "/sign-in?passwordChanged=1" });
    } catch (err) {
      if (err instanceof ApiError && (err.param === "currentPassword" || err.param === "newPassword"))
        setErrors({ [err.param]: err.message });
      else setErrors({ form: err instanceof ApiError ? err.message : t("common.error") });
      setPending(false);
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit}>
        <CardHeader>
          <CardTitle>{t("settings.password")}</CardTitle>
          <CardDescription>{t("settings.passwordDescription")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <Field label={t("settings.currentPassword")} error={errors.currentPassword ?? errors.form} required>
            <Input name="currentPassword" type="password" autoComplete="current-password" required />
          </Field>
          <Field label={t("settings.newPassword")} hint={t("auth.passwordHint")} error={errors.newPassword} required>
            <Input name="newPassword" type="password" autoComplete="new-password" minLength={10} required />
          </Field>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" variant="secondary" loading={pending}>
            {t("settings.changePassword")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
