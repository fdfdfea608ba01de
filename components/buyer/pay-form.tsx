"use client";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { declineMessage, loadStripeJs } from "@/components/stripe/browser";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { CouponField, type PricedPayment } from "@/components/coupons/coupon-field";

type Payment = {
  orderId: string;
  clientSecret: string;
  stripeAccount: string;
  amount: number;
  currency: string;
  discount: { code: string | null; amountOff: number } | null;
};
export type PayFormProps = {
  priceId: string;
  publishableKey: string;
  standInScriptUrl: string | null;
  /** The store has running coupon codes: show the code field. */
  acceptsCoupons?: boolean;
};

async function startPayment(priceId: string): Promise<Payment> {
  // One key per price per tab: a reload resumes the same PaymentIntent instead of creating another.
  const storageKey = `vitrine:pay:${priceId}`;
  let key = sessionStorage.getItem(storageKey);
  if (!key) {
    key = newIdempotencyKey();
    sessionStorage.setItem(storageKey, key);
  }
  return apiFetch<Payment>("/api/public/payment-intents", { method: "POST", body: { priceId }, idempotencyKey: key });
}

export function PayForm({ priceId, publishableKey, standInScriptUrl, acceptsCoupons = false }: PayFormProps) {
  const { t, locale } = useI18n();
  const [payment, setPayment] = useState<Payment | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    startPayment(priceId).then(setPayment, (err) =>
      setError(
        err instanceof ApiError && err.code === "charges_not_enabled"
          ? t("buyer.unavailableBody")
          : err instanceof Error
            ? err.message
            : t("common.declines.generic"),
      ),
    );
  }, [priceId, t]);

  const stripePromise = useMemo(
    () => (payment ? loadStripeJs({ publishableKey, standInScriptUrl }, locale, payment.stripeAccount) : null),
    [payment, publishableKey, standInScriptUrl, locale],
  );

  if (error)
    return (
      <Alert tone="danger" role="alert">
        {error}
      </Alert>
    );
  if (!payment || !stripePromise)
    return (
      <div className="space-y-3" aria-busy="true">
        <p className="text-sm text-ink-muted">{t("buyer.preparing")}</p>
        <Skeleton className="h-11 w-full" />
        <Skeleton className="h-11 w-full" />
      </div>
    );
  return (
    <Elements
      stripe={stripePromise}
      options={{
        clientSecret: payment.clientSecret,
        locale: locale === "pt-BR" ? "pt-BR" : "en",
        appearance: { theme: "stripe", variables: { colorPrimary: "#07725d", borderRadius: "8px" } },
      }}
    >
      <ConfirmForm payment={payment} priceId={priceId} acceptsCoupons={acceptsCoupons} />
    </Elements>
  );
}

function ConfirmForm({
  payment,
  priceId,
  acceptsCoupons,
}: {
  payment: Payment;
  priceId: string;
  acceptsCoupons: boolean;
}) {
  const { t, money } = useI18n();
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server prices the payment; a store code changes the amount before the buyer pays.
  const [amount, setAmount] = useState(payment.amount);
  const initialPrice: PricedPayment = {
    amountSubtotal: payment.amount + (payment.discount?.amountOff ?? 0),
    amountOff: payment.discount?.amountOff ?? 0,
    amount: payment.amount,
    currency: payment.currency,
    code: payment.discount?.code ?? null,
  };
  async function onPriced(priced: PricedPayment) {
    setAmount(priced.amount);
    await elements?.fetchUpdates();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(null);
    const receipt = `/receipt/${payment.orderId}`;
    const { error: err } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: `${window.location.origin}${receipt}` },
      redirect: "if_required",
    });
    if (err) {
      setError(declineMessage(t, err));
      setPending(false);
      return;
    }
    sessionStorage.removeItem(`vitrine:pay:${priceId}`);
    router.push(receipt);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-ink">{t("buyer.cardDetails")}</legend>
        <PaymentElement />
      </fieldset>
      {error && (
        <Alert tone="danger" role="alert" data-testid="payment-error">
          {error}
        </Alert>
      )}
      {(acceptsCoupons || payment.discount) && (
        <CouponField
          clientSecret={payment.clientSecret}
          currency={payment.currency}
          initial={initialPrice}
          onPriced={onPriced}
          disabled={pending}
        />
      )}
      <Button type="submit" size="lg" fullWidth loading={pending} disabled={!stripe}>
        {t("buyer.payWithCard", { amount: money(amount, payment.currency) })}
      </Button>
    </form>
  );
}
