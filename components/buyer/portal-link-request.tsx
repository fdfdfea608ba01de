"use client";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** "Manage subscription" on the receipt: asks for the buyer's email and has the link emailed there. */
export function PortalLinkRequest({ orderId }: { orderId: string }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setError(t("buyer.portalLink.emailInvalid"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/public/orders/${orderId}/portal-link`, { method: "POST", body: { email, locale } });
      setSentTo(email);
    } catch (err) {
      setError(
        err instanceof ApiError && err.param === "email"
          ? t("buyer.portalLink.emailInvalid")
          : t("buyer.portalLink.failed"),
      );
    } finally {
      setPending(false);
    }
  }

  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("buyer.manageSubscription")}
      </Button>
    );
  if (sentTo)
    return (
      <Alert tone="success" role="status" data-testid="portal-link-sent">
        {t("buyer.portalLink.sent", { email: sentTo })}
      </Alert>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-line p-4 text-left" noValidate>
      <p className="text-sm text-ink-muted">{t("buyer.portalLink.intro")}</p>
      <Field label={t("buyer.portalLink.email")} error={error ?? undefined}>
        <Input name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Button type="submit" fullWidth loading={pending}>
        {t("buyer.portalLink.send")}
      </Button>
    </form>
  );
}
