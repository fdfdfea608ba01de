"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import { amountToInput, minorPerMajor } from "@/lib/money";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { checkCustomAmount } from "./custom-amount";
import { couponErrorText, COUPON_ERROR_CODES } from "@/components/coupons/text";
import { declineMessage } from "@/components/stripe/browser";
import { CardPaymentForm } from "./card-payment-form";
import { SavedCardList } from "./saved-card-list";
import { platformStripe, type StripeBrowser } from "./stripe-loader";
import {
  CARDS_KEY,
  purchasePath,
  type PackagesView,
  type PayablePurchase,
  type SavedCard,
  type StartedPurchase,
} from "./types";

type Choice = { kind: "package"; id: string } | { kind: "custom" };
const CUSTOM = "custom";
const SYMBOL: Record<string, string> = { BRL: "R$", USD: "US$" };

/** Package cards + custom amount, then either a saved card or the embedded Payment Element. */
export function PurchasePanel({
  offer,
  initialCards,
  stripe,
}: {
  offer: PackagesView;
  initialCards: SavedCard[];
  stripe: StripeBrowser | null;
}) {
  const { t, locale, money } = useI18n();
  const router = useRouter();
  const { packages, custom } = offer;
  const [choice, setChoice] = useState<Choice>(
    packages[0] ? { kind: "package", id: packages[0].id } : { kind: "custom" },
  );
  const [customText, setCustomText] = useState("");
  // A Vitrine promotion code valid for credits: the server prices the purchase (the credits stay the same).
  const [couponCode, setCouponCode] = useState("");
  const [touched, setTouched] = useState(false);
  const cards = useQuery({
    queryKey: CARDS_KEY,
    queryFn: () =>
      apiFetch<{ paymentMethods: SavedCard[] }>("/api/v1/credits/payment-methods").then((r) => r.paymentMethods),
    initialData: initialCards,
  });
  const savedCards = cards.data ?? [];
  const [cardChoice, setCardChoice] = useState<string>(initialCards[0]?.id ?? "new");
  const [saveCard, setSaveCard] = useState(true);
  const [started, setStarted] = useState<PayablePurchase | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const customCheck = checkCustomAmount(customText, custom, locale);
  const bounds = { min: money(custom.minAmount, custom.currency), max: money(custom.maxAmount, custom.currency) };
  const customError =
    choice.kind !== "custom" || !touched || customCheck.ok
      ? null
      : customCheck.reason === "empty"
        ? t("credits.buy.errors.amountEmpty")
        : customCheck.reason === "decimals"
          ? t("credits.buy.errors.amountDecimals")
          : customCheck.reason === "range"
            ? t("credits.buy.errors.amountRange", bounds)
            : t("credits.buy.errors.amountFormat", {
                example: amountToInput(custom.minAmount * 2, custom.currency, locale),
              });
  const selected = useMemo(() => {
    if (choice.kind === "package") {
      const pkg = packages.find((p) => p.id === choice.id);
      return pkg
        ? { body: { packageId: pkg.id }, credits: pkg.credits, amount: pkg.amount, currency: pkg.currency }
        : null;
    }
    return customCheck.ok
      ? {
          body: { amount: customCheck.amount },
          credits: customCheck.credits,
          amount: customCheck.amount,
          currency: custom.currency,
        }
      : null;
  }, [choice, packages, customCheck, custom.currency]);
  const useSaved = cardChoice !== "new" && savedCards.some((c) => c.id === cardChoice);

  function choose(next: Choice) {
    setChoice(next);
    setStarted(null);
    setError(null);
  }

  function startError(err: unknown) {
    if (err instanceof ApiError && COUPON_ERROR_CODES.has(err.code))
      return couponErrorText(err, t, money, selected?.currency);
    if (err instanceof ApiError && err.code === "unknown_package") return t("credits.buy.errors.unknownPackage");
    if (err instanceof ApiError && err.code === "amount_out_of_bounds")
      return t("credits.buy.errors.amountRange", bounds);
    return t("credits.buy.errors.generic");
  }

  /** One purchase attempt = one Idempotency-Key: a double click creates one PaymentIntent. */
  async function start() {
    setTouched(true);
    if (!selected) return;
    setPending(true);
    setError(null);
    const code = couponCode.trim();
    const base = code ? { ...selected.body, couponCode: code } : selected.body;
    const body = useSaved ? { ...base, paymentMethodId: cardChoice } : { ...base, savePaymentMethod: saveCard };
    try {
      const result = await apiFetch<StartedPurchase>("/api/v1/credits/purchases", {
        method: "POST",
        body,
        idempotencyKey: newIdempotencyKey(),
      });
      const { clientSecret, publishableKey } = result;
      if (!clientSecret || !publishableKey) throw new Error("The purchase came back without a client secret.");
      if (!useSaved) {
        setStarted({ ...result, clientSecret, publishableKey });
        setPending(false);
        return;
      }
      await finishSavedCard({ ...result, clientSecret, publishableKey });
    } catch (err) {
      setError(startError(err));
      setPending(false);
    }
  }

  /** A saved card is charged by the server; 3-D Secure, when asked for, runs here with Stripe.js. */
  async function finishSavedCard({ purchase, clientSecret, publishableKey }: PayablePurchase) {
    if (purchase.status === "FAILED") {
      setError(declineMessage(t, { code: purchase.failureCode, decline_code: purchase.failureCode }));
      setPending(false);
      return;
    }
    if (purchase.status === "REQUIRES_ACTION") {
      const js = await platformStripe({ publishableKey, standInScriptUrl: stripe?.standInScriptUrl ?? null }, locale);
      const outcome = js ? await js.handleNextAction({ clientSecret }) : null;
      if (!outcome || outcome.error) {
        setError(declineMessage(t, outcome?.error ?? {}));
        setPending(false);
        return;
      }
    }
    router.push(purchasePath(purchase.id));
  }

  if (packages.length === 0 && custom.maxAmount <= 0)
    return <Alert tone="neutral">{t("credits.buy.noPackages")}</Alert>;

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("credits.buy.title")}</CardTitle>
        <CardDescription>{t("credits.buy.description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-ink">{t("credits.buy.packages")}</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            {packages.map((p) => (
              <OptionCard
                key={p.id}
                checked={choice.kind === "package" && choice.id === p.id}
                onSelect={() => choose({ kind: "package", id: p.id })}
                testId={`package-${p.slug}`}
                label={t("credits.buy.packageLabel", {
                  name: p.name,
                  credits: formatNumber(p.credits, locale),
                  amount: money(p.amount, p.currency),
                })}
              >
                <span className="text-[13px] font-medium text-ink-muted">{p.name}</span>
                <span className="text-lg font-semibold tracking-tight text-ink tabular-nums">
                  {t("credits.creditsCount", { count: formatNumber(p.credits, locale) })}
                </span>
                <span className="text-sm text-ink-muted tabular-nums">{money(p.amount, p.currency)}</span>
              </OptionCard>
            ))}
            <OptionCard
              checked={choice.kind === "custom"}
              onSelect={() => choose({ kind: "custom" })}
              testId="package-custom"
              label={t("credits.buy.custom")}
            >
              <span className="text-[13px] font-medium text-ink-muted">{t("credits.buy.custom")}</span>
              <span className="text-lg font-semibold tracking-tight text-ink tabular-nums">
                {customCheck.ok ? t("credits.creditsCount", { count: formatNumber(customCheck.credits, locale) }) : "—"}
              </span>
              <span className="text-sm text-ink-muted">
                {bounds.min} – {bounds.max}
              </span>
            </OptionCard>
          </div>
        </fieldset>

        {choice.kind === "custom" && (
          <div className="flex flex-col gap-1.5">
            <label htmlFor="credits-custom-amount" className="text-sm font-medium text-ink">
              {t("credits.buy.customLabel", { currency: custom.currency })}
            </label>
            <Input
              id="credits-custom-amount"
              name={CUSTOM}
              inputMode="decimal"
              autoComplete="off"
              placeholder={amountToInput(custom.minAmount * 2, custom.currency, locale)}
              leading={<span className="text-[13px] font-medium">{SYMBOL[custom.currency] ?? custom.currency}</span>}
              className="max-w-xs [&_input]:pl-11"
              value={customText}
              maxLength={16}
              aria-invalid={customError ? true : undefined}
              aria-describedby="credits-custom-hint"
              onChange={(e) => {
                setCustomText(e.target.value);
                setStarted(null);
              }}
              onBlur={() => setTouched(true)}
            />
            <p id="credits-custom-hint" className="text-[13px] text-ink-subtle">
              {t("credits.buy.customHint", {
                ...bounds,
                rate: formatNumber(custom.creditsPerUnit, locale),
                unit: money(minorPerMajor(custom.currency), custom.currency),
              })}
            </p>
            {customCheck.ok && (
              <p className="text-sm font-medium text-brand-800" data-testid="credits-preview" aria-live="polite">
                {t("credits.buy.preview", { credits: formatNumber(customCheck.credits, locale) })}
              </p>
            )}
            {customError && (
              <p className="text-[13px] font-medium text-danger-ink" role="alert">
                {customError}
              </p>
            )}
          </div>
        )}

        {!started && (
          <div className="flex flex-col gap-1.5">
            <label htmlFor="credits-coupon" className="text-sm font-medium text-ink">
              {t("coupons.field.label")}
            </label>
            <Input
              id="credits-coupon"
              data-testid="credits-coupon"
              className="max-w-xs"
              autoComplete="off"
              maxLength={40}
              placeholder={t("coupons.field.placeholder")}
              value={couponCode}
              onChange={(e) => {
                setCouponCode(e.target.value);
                setError(null);
              }}
            />
          </div>
        )}

        {started && selected ? (
          <div className="space-y-4 rounded-lg border border-line bg-surface p-4 sm:p-5">
            <div className="flex items-center justify-between gap-3">
              <p className="text-sm font-medium text-ink" data-testid="purchase-summary">
                {t("credits.buy.summary", {
                  credits: formatNumber(started.purchase.credits, locale),
                  amount: money(started.purchase.amount, started.purchase.currency),
                })}
              </p>
              <Button variant="link" onClick={() => setStarted(null)}>
                {t("credits.buy.change")}
              </Button>
            </div>
            <CardPaymentForm started={started} standInScriptUrl={stripe?.standInScriptUrl ?? null} />
          </div>
        ) : (
          <div className="space-y-4">
            {savedCards.length > 0 && (
              <SavedCardList
                cards={savedCards}
                value={cardChoice}
                onChange={(v) => {
                  setCardChoice(v);
                  setError(null);
                }}
              />
            )}
            {!useSaved && (
              <Checkbox
                checked={saveCard}
                onChange={(e) => setSaveCard(e.currentTarget.checked)}
                label={t("credits.buy.saveCard")}
              />
            )}
            {error && (
              <Alert tone="danger" data-testid="payment-error">
                {error}
              </Alert>
            )}
            <Button
              size="lg"
              loading={pending}
              disabled={!stripe}
              onClick={() => void start()}
              data-testid="start-purchase"
            >
              {useSaved && selected
                ? t("credits.buy.pay", { amount: money(selected.amount, selected.currency) })
                : t("credits.buy.continue")}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** A radio shown as a card; the whole card is the hit area. */
function OptionCard({
  checked,
  onSelect,
  label,
  testId,
  children,
}: {
  checked: boolean;
  onSelect: () => void;
  label: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <label
      data-testid={testId}
      className={cn(
        "relative flex cursor-pointer flex-col gap-1 rounded-lg border bg-surface-raised p-4 shadow-xs transition-colors",
        "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus",
        checked ? "border-brand-600 ring-1 ring-brand-600" : "border-line hover:border-line-strong",
      )}
    >
      <input
        type="radio"
        name="credit-package"
        className="sr-only"
        checked={checked}
        onChange={onSelect}
        aria-label={label}
      />
      {children}
    </label>
  );
}
