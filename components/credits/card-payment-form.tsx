"use client";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { declineMessage } from "@/components/stripe/browser";
import { platformStripe } from "./stripe-loader";
import { purchasePath, type PayablePurchase } from "./types";

/** The embedded Payment Element on the platform account for one purchase attempt. */
export function CardPaymentForm({
  started,
  standInScriptUrl,
}: {
  started: PayablePurchase;
  standInScriptUrl: string | null;
}) {
  const { locale } = useI18n();
  const stripePromise = useMemo(
    () => platformStripe({ publishableKey: started.publishableKey, standInScriptUrl }, locale),
    [started.publishableKey, standInScriptUrl, locale],
  );
  return (
    <Elements
      key={started.clientSecret}
      stripe={stripePromise}
      options={{
        clientSecret: started.clientSecret,
        locale: locale === "pt-BR" ? "pt-BR" : "en",
        appearance: { theme: "stripe", variables: { colorPrimary: "#07725d", borderRadius: "8px" } },
      }}
    >
      <ConfirmForm started={started} />
    </Elements>
  );
}

function ConfirmForm({ started }: { started: PayablePurchase }) {
  const { t, money } = useI18n();
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { purchase } = started;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(null);
    const path = purchasePath(purchase.id);
    // 3-D Secure runs inside confirmPayment; a redirect-based method would come back to the status page.
    const { error: err, paymentIntent } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: `${window.location.origin}${path}` },
      redirect: "if_required",
    });
    if (err) {
      setError(declineMessage(t, err));
      setPending(false);
      return;
    }
    // Credit now rather than wait for the webhook; both land once (unique key on the PaymentIntent).
    if (paymentIntent?.status === "succeeded")
      await apiFetch("/api/v1/credits/confirm", { method: "POST", body: { paymentIntentId: paymentIntent.id } }).catch(
        () => undefined,
      );
    router.push(path);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="credits-payment-form">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-ink">{t("credits.buy.cardDetails")}</legend>
        <PaymentElement />
      </fieldset>
      {error && (
        <Alert tone="danger" data-testid="payment-error">
          {error}
        </Alert>
      )}
      <Button type="submit" size="lg" fullWidth loading={pending} disabled={!stripe}>
        {t("credits.buy.pay", { amount: money(purchase.amount, purchase.currency) })}
      </Button>
    </form>
  );
}
