"use client";
import { useMemo, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";

/** Starts hosted Checkout; one Idempotency-Key per page view so a double click opens one session. */
export function BuyForm({ priceId }: { priceId: string }) {
  const { t } = useI18n();
  const key = useMemo(() => crypto.randomUUID(), []);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    try {
      const res = await fetch("/api/public/checkout", { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": key }, body: JSON.stringify({ priceId, ...(email ? { customerEmail: email } : {}) }) });
      const data = await res.json();
      if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? "error", data?.error?.message ?? t("buyer.declines.generic"), data?.error?.param);
      window.location.assign(data.url);
    } catch (err) {
      setError(err instanceof ApiError && err.code === "charges_not_enabled" ? t("buyer.unavailableBody") : err instanceof ApiError ? err.message : t("buyer.declines.generic"));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error && <Alert tone="danger" role="alert">{error}</Alert>}
      <Field label={t("buyer.email")} hint={t("buyer.emailHint")}>
        <Input name="email" type="email" autoComplete="email" />
      </Field>
      <Button type="submit" size="lg" fullWidth loading={pending}>{t("buyer.continueToPayment")}</Button>
    </form>
  );
}
