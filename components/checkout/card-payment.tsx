"use client";
// The card step of the Elements pay page. Where Stripe offers installments (BR/BRL, MX/MXN) the card
// is first turned into a PaymentMethod, the server answers with the plans this card may use within
// the seller's caps, the buyer picks one and the server confirms with it. Elsewhere Stripe.js
// confirms directly. Either way the server is told first, so the order leaves its draft state.
import { PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { declineMessage } from "@/components/stripe/browser";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";

type Plan = { count: number; amountPerInstallment: number };
type Outcome =
  | { status: "succeeded" | "processing"; orderId: string }
  | { status: "requires_action"; orderId: string; clientSecret: string }
  | { status: "declined"; orderId: string; code: string; declineCode: string | null; message: string };

export type CardPaymentProps = {
  clientSecret: string;
  orderId: string;
  amount: number;
  currency: string;
  installments: boolean;
  /** Called once the payment is done or under way: the receipt takes over. */
  onDone: () => void;
  /** The store's own after-payment page (its "redirect" setting) instead of Vitrine's receipt. */
  paidRedirectUrl?: string | null;
  /** A coupon field or other extras rendered above the pay button. */
  children?: React.ReactNode;
};

export function CardPayment({
  clientSecret,
  orderId,
  amount,
  currency,
  installments,
  onDone,
  paidRedirectUrl = null,
  children,
}: CardPaymentProps) {
  const { t, money } = useI18n();
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [card, setCard] = useState<{ paymentMethod: string; plans: Plan[] } | null>(null);
  const [count, setCount] = useState(1);
  const receipt = `/receipt/${orderId}`;

  function fail(err: unknown) {
    setError(err instanceof ApiError ? err.message : err instanceof Error ? err.message : t("common.declines.generic"));
    setPending(false);
  }

  function finish() {
    onDone();
    if (paidRedirectUrl) window.location.assign(paidRedirectUrl);
    else router.push(receipt);
  }

  async function payAtOnceWithStripeJs() {
    if (!stripe || !elements) return;
    await apiFetch("/api/public/payment-intents/submit", { method: "POST", body: { clientSecret } });
    const { error: err } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: paidRedirectUrl ?? `${window.location.origin}${receipt}` },
      redirect: "if_required",
    });
    if (err) {
      setError(declineMessage(t, err));
      setPending(false);
      return;
    }
    finish();
  }

  async function lookUpPlans() {
    if (!stripe || !elements) return;
    const submitted = await elements.submit();
    if (submitted.error) {
      setError(submitted.error.message ?? t("common.declines.generic"));
      setPending(false);
      return;
    }
    const { paymentMethod, error: err } = await stripe.createPaymentMethod({ elements });
    if (err || !paymentMethod) {
      setError(err ? declineMessage(t, err) : t("common.declines.generic"));
      setPending(false);
      return;
    }
    const found = await apiFetch<{ plans: Plan[] }>("/api/public/payment-intents/installments", {
      method: "POST",
      body: { clientSecret, paymentMethod: paymentMethod.id },
    });
    // A card with no plan here (issued elsewhere, or below the seller's minimum) is charged at once.
    if (found.plans.length === 0) return confirmOnServer(paymentMethod.id, 1);
    setCard({ paymentMethod: paymentMethod.id, plans: found.plans });
    setCount(1);
    setPending(false);
  }

  async function confirmOnServer(paymentMethod: string, installmentsCount: number) {
    if (!stripe) return;
    const outcome = await apiFetch<Outcome>("/api/public/payment-intents/confirm", {
      method: "POST",
      body: {
        clientSecret,
        paymentMethod,
        installments: installmentsCount > 1 ? installmentsCount : null,
        returnUrl: paidRedirectUrl ?? `${window.location.origin}${receipt}`,
      },
    });
    if (outcome.status === "declined") {
      setError(declineMessage(t, { code: outcome.code, decline_code: outcome.declineCode }));
      setCard(null);
      setPending(false);
      return;
    }
    if (outcome.status === "requires_action") {
      const { error: err } = await stripe.handleNextAction({ clientSecret: outcome.clientSecret });
      if (err) {
        setError(declineMessage(t, err));
        setCard(null);
        setPending(false);
        return;
      }
    }
    finish();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(null);
    try {
      if (!installments) await payAtOnceWithStripeJs();
      else if (!card) await lookUpPlans();
      else await confirmOnServer(card.paymentMethod, count);
    } catch (err) {
      fail(err);
    }
  }

  const chosen = card?.plans.find((p) => p.count === count);
  // The first press looks up the card's plans; only a card that has some asks for a choice.
  const label =
    chosen && chosen.count > 1
      ? t("checkout.installments.payIn", {
          count: chosen.count,
          amount: money(chosen.amountPerInstallment, currency),
        })
      : t("buyer.payWithCard", { amount: money(amount, currency) });

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <fieldset className="space-y-2" disabled={Boolean(card)}>
        <legend className="mb-2 text-sm font-medium text-ink">{t("buyer.cardDetails")}</legend>
        <PaymentElement />
      </fieldset>
      {card && (
        <fieldset className="space-y-2" data-testid="installment-plans">
          <legend className="mb-1 text-sm font-medium text-ink">{t("checkout.installments.legend")}</legend>
          <p className="text-sm text-ink-muted">{t("checkout.installments.choose")}</p>
          <div className="max-h-64 space-y-1 overflow-y-auto rounded-lg border border-line p-1">
            {[{ count: 1, amountPerInstallment: amount }, ...card.plans].map((p) => (
              <label
                key={p.count}
                className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm hover:bg-surface-sunken has-[:checked]:bg-surface-sunken"
              >
                <input
                  type="radio"
                  name="installments"
                  value={p.count}
                  checked={count === p.count}
                  onChange={() => setCount(p.count)}
                  className="size-4 accent-[#07725d]"
                />
                <span>
                  {p.count === 1
                    ? t("checkout.installments.once", { amount: money(amount, currency) })
                    : t("checkout.installments.option", {
                        count: p.count,
                        amount: money(p.amountPerInstallment, currency),
                      })}
                </span>
              </label>
            ))}
          </div>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setCard(null);
              setError(null);
            }}
          >
            {t("checkout.installments.changeCard")}
          </Button>
        </fieldset>
      )}
      {error && (
        <Alert tone="danger" role="alert" data-testid="payment-error">
          {error}
        </Alert>
      )}
      {!card && children}
      <Button type="submit" size="lg" fullWidth loading={pending} disabled={!stripe}>
        {label}
      </Button>
    </form>
  );
}
