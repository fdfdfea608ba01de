"use client";
import { useRef, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";

/** Starts hosted Checkout for a price. */
export function BuyForm({ priceId }: { priceId: string }) {
  const { t } = useI18n();
  // One key per page view (made on the first submit), so a double click opens one session.
  const key = useRef<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    try {
      const { url } = await apiFetch<{ url: string }>("/api/public/checkout", {
        method: "POST",
        body: { priceId, ...(email ? { customerEmail: email } : {}) },
        idempotencyKey: (key.current ??= newIdempotencyKey()),
      });
      window.location.assign(url);
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "charges_not_enabled"
          ? t("buyer.unavailableBody")
          : err instanceof ApiError
            ? err.message
            : t("common.declines.generic"),
      );
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <Field label={t("buyer.email")} hint={t("buyer.emailHint")}>
        <Input name="email" type="email" autoComplete="email" />
      </Field>
      <Button type="submit" size="lg" fullWidth loading={pending}>
        {t("buyer.continueToPayment")}
      </Button>
    </form>
  );
}
