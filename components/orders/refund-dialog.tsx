"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { amountToInput, parseAmount } from "@/lib/money";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";

const SYMBOL: Record<string, string> = { BRL: "R$", USD: "US$", EUR: "€" };
const REASONS = ["requested_by_customer", "duplicate", "fraudulent"] as const;

type Props = { orderId: string; currency: string; remaining: number };

/**
 * Refund part or all of a paid card order: the amount (in the order's currency, prefilled with
 * what remains) and Stripe's reason, confirmed in a dialog. One Idempotency-Key per opening, so a
 * double click or a retry after a network error refunds once.
 */
export function RefundDialog({ orderId, currency, remaining }: Props) {
  const { t, money, locale } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [amountText, setAmountText] = useState(() => amountToInput(remaining, currency, locale));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = parseAmount(amountText, currency, locale);
  const amount = parsed.ok ? parsed.minor : null;

  function openDialog() {
    setKey(newIdempotencyKey());
    setAmountText(amountToInput(remaining, currency, locale));
    setReason("");
    setError(null);
    setOpen(true);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (amount === null)
      return setError(t("orders.refund.invalid", { example: amountToInput(1990, currency, locale) }));
    if (amount <= 0) return setError(t("orders.refund.zero"));
    if (amount > remaining) return setError(t("orders.refund.tooMuch", { max: money(remaining, currency) }));
    setError(null);
    setBusy(true);
    try {
      await apiFetch(`/api/v1/orders/${orderId}/refunds`, {
        method: "POST",
        body: { amount, ...(reason ? { reason } : {}) },
        idempotencyKey: key,
      });
      toast.success(t("orders.refund.done", { amount: money(amount, currency) }));
      setOpen(false);
      router.refresh();
    } catch (err) {
      if (
        err instanceof ApiError &&
        err.code === "refund_exceeds_remaining" &&
        typeof err.details?.remaining === "number"
      )
        setError(t("orders.refund.tooMuch", { max: money(err.details.remaining, currency) }));
      else setError(err instanceof ApiError ? err.message : t("common.error"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={openDialog} data-testid="refund-open">
        {t("orders.refund.button")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => !busy && setOpen(o)}
        dismissible={!busy}
        title={t("orders.refund.title")}
        description={t("orders.refund.body")}
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="refund-form">
          <Field
            label={t("orders.refund.amount")}
            hint={t("orders.refund.amountHint", { max: money(remaining, currency) })}
            error={error ?? undefined}
          >
            <Input
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              autoFocus
              value={amountText}
              onChange={(e) => setAmountText(e.target.value)}
              leading={<span className="text-[13px] font-medium">{SYMBOL[currency] ?? currency}</span>}
            />
          </Field>
          <Field label={t("orders.refund.reason")}>
            <Select
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t("orders.refund.reasonNone")}
              options={REASONS.map((r) => ({ value: r, label: t(`orders.refund.reasons.${r}`) }))}
            />
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant="danger" loading={busy} data-testid="refund-submit">
              {amount !== null && amount > 0 && amount <= remaining
                ? t("orders.refund.submit", { amount: money(amount, currency) })
                : t("orders.refund.submitPlain")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
