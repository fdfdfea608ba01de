"use client";
// The "new coupon" form, for the admin (platform coupons: plans, credits) and for a seller (store
// coupons: products). Amounts and percentages are parsed in the reader's locale into integers
// (minor units, basis points); the server checks everything again.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { amountToInput, parseAmount } from "@/lib/money";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { couponErrorText } from "./text";

export type CouponTarget = { value: string; label: string };

export type CouponFormProps = {
  scope: "PLATFORM" | "STORE";
  /** Plans (admin) or products (seller) the coupon may be limited to. */
  targets: CouponTarget[];
  currencies: string[];
  defaultCurrency: string;
  queryKey: readonly unknown[];
};

const CODE = /^[A-Za-z0-9_-]{3,40}$/;
const whole = (s: string) => (/^\d{1,9}$/.test(s.trim()) && Number(s) >= 1 ? Number(s) : null);
/** A date input's day as the start (or end) of that day in the reader's time zone, as ISO. */
const dayStart = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);
const dayEnd = (d: string) => (d ? new Date(`${d}T23:59:59`).toISOString() : undefined);

export function CouponForm({ scope, targets, currencies, defaultCurrency, queryKey }: CouponFormProps) {
  const { t, locale, money } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [kind, setKind] = useState<"percent" | "amount">("percent");
  const [currency, setCurrency] = useState(defaultCurrency);
  const [duration, setDuration] = useState<"once" | "repeating" | "forever">("once");
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  // The form is long: a refusal is brought into view where it is explained.
  useEffect(() => {
    if (error) alertRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [error]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (name: string) => String(f.get(name) ?? "").trim();
    const name = text("name");
    if (!name) return setError(t("coupons.form.errors.name"));
    // Hundredths of a percent are basis points: "12,5" read like an amount with two decimals is 1250.
    const percent = kind === "percent" ? parseAmount(text("percent"), "USD", locale) : null;
    if (percent && (!percent.ok || percent.minor < 1 || percent.minor > 10_000))
      return setError(t("coupons.form.errors.percent"));
    const amount = kind === "amount" ? parseAmount(text("amount"), currency, locale) : null;
    if (amount && (!amount.ok || amount.minor < 1))
      return setError(t("coupons.form.errors.amount", { example: amountToInput(1500, currency, locale) }));
    const months = duration === "repeating" ? whole(text("months")) : null;
    if (duration === "repeating" && (months === null || months > 36)) return setError(t("coupons.form.errors.months"));
    const max = text("maxRedemptions") ? whole(text("maxRedemptions")) : undefined;
    const codeMax = text("codeMax") ? whole(text("codeMax")) : undefined;
    if (max === null || codeMax === null) return setError(t("coupons.form.errors.whole"));
    const code = text("code");
    if (code && !CODE.test(code)) return setError(t("coupons.form.errors.code"));
    const minimumCurrency = kind === "amount" ? currency : defaultCurrency;
    const minimum = text("minimumAmount") ? parseAmount(text("minimumAmount"), minimumCurrency, locale) : null;
    if (minimum && (!minimum.ok || minimum.minor < 1))
      return setError(t("coupons.form.errors.amount", { example: amountToInput(5000, minimumCurrency, locale) }));
    const validFrom = dayStart(text("validFrom"));
    const redeemBy = dayEnd(text("redeemBy"));
    if (validFrom && redeemBy && redeemBy <= validFrom) return setError(t("coupons.form.errors.dates"));
    setError(null);
    setPending(true);
    try {
      const body = {
        name,
        ...(percent?.ok ? { percentOffBps: percent.minor } : {}),
        ...(amount?.ok ? { amountOff: amount.minor, currency } : {}),
        duration,
        ...(months ? { durationInMonths: months } : {}),
        ...(max ? { maxRedemptions: max } : {}),
        ...(validFrom ? { validFrom } : {}),
        ...(redeemBy ? { redeemBy } : {}),
        firstTimeOnly: f.get("firstTimeOnly") === "on",
        ...(scope === "PLATFORM"
          ? { plans: chosen, appliesToCredits: f.get("appliesToCredits") === "on" }
          : { productIds: chosen }),
        ...(code
          ? {
              promotionCode: {
                code,
                ...(codeMax ? { maxRedemptions: codeMax } : {}),
                ...(text("codeExpires") ? { expiresAt: dayEnd(text("codeExpires")) } : {}),
                ...(minimum?.ok ? { minimumAmount: minimum.minor } : {}),
              },
            }
          : {}),
      };
      await apiFetch(scope === "PLATFORM" ? "/api/v1/admin/coupons" : "/api/v1/coupons", {
        method: "POST",
        body,
      });
      toast.success(t("coupons.form.created", { code: code.toUpperCase() || name }));
      form.reset();
      setChosen([]);
      await qc.invalidateQueries({ queryKey });
    } catch (err) {
      setError(couponErrorText(err, t, money, minimumCurrency));
    } finally {
      setPending(false);
    }
  }

  const toggle = (value: string, on: boolean) => setChosen((c) => (on ? [...c, value] : c.filter((v) => v !== value)));

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("coupons.form.title")}</CardTitle>
        <CardDescription>{t("coupons.form.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="space-y-5" data-testid="coupon-form" noValidate>
          <div ref={alertRef} className={error ? undefined : "hidden"}>
            {error && (
              <Alert tone="danger" role="alert">
                {error}
              </Alert>
            )}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("coupons.form.name")}>
              <Input name="name" maxLength={80} placeholder={t("coupons.form.namePlaceholder")} />
            </Field>
            <Field label={t("coupons.form.type")}>
              <Select
                name="kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as "percent" | "amount")}
                options={[
                  { value: "percent", label: t("coupons.form.percent") },
                  { value: "amount", label: t("coupons.form.amount") },
                ]}
              />
            </Field>
            {kind === "percent" ? (
              <Field
                label={t("coupons.form.percentLabel")}
                hint={t("coupons.form.percentHint", { example: new Intl.NumberFormat(locale).format(12.5) })}
              >
                <Input name="percent" inputMode="decimal" trailing="%" />
              </Field>
            ) : (
              <div className="grid grid-cols-[1fr_7rem] gap-3">
                <Field label={t("coupons.form.amountLabel")}>
                  <Input name="amount" inputMode="decimal" />
                </Field>
                <Field label={t("coupons.form.currency")}>
                  <Select
                    name="currency"
                    value={currency}
                    onChange={(e) => setCurrency(e.target.value)}
                    options={currencies.map((c) => ({ value: c, label: c }))}
                  />
                </Field>
              </div>
            )}
            <div className={duration === "repeating" ? "grid grid-cols-[1fr_7rem] gap-3" : ""}>
              <Field label={t("coupons.form.duration")} hint={t("coupons.form.durationHint")}>
                <Select
                  name="duration"
                  value={duration}
                  onChange={(e) => setDuration(e.target.value as typeof duration)}
                  options={[
                    { value: "once", label: t("coupons.duration.once") },
                    { value: "repeating", label: t("coupons.duration.repeating", { months: "N" }) },
                    { value: "forever", label: t("coupons.duration.forever") },
                  ]}
                />
              </Field>
              {duration === "repeating" && (
                <Field label={t("coupons.form.months")}>
                  <Input name="months" inputMode="numeric" />
                </Field>
              )}
            </div>
            <Field label={t("coupons.form.maxRedemptions")} hint={t("coupons.form.maxHint")}>
              <Input name="maxRedemptions" inputMode="numeric" />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label={t("coupons.form.validFrom")}>
                <Input name="validFrom" type="date" />
              </Field>
              <Field label={t("coupons.form.redeemBy")}>
                <Input name="redeemBy" type="date" />
              </Field>
            </div>
          </div>
          {targets.length > 0 && (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-ink">
                {scope === "PLATFORM" ? t("coupons.form.plans") : t("coupons.form.products")}
              </legend>
              <p className="text-xs text-ink-subtle">
                {scope === "PLATFORM" ? t("coupons.form.plansHint") : t("coupons.form.productsHint")}
              </p>
              <div className="flex flex-wrap gap-x-5 gap-y-2">
                {targets.map((target) => (
                  <Checkbox
                    key={target.value}
                    label={target.label}
                    checked={chosen.includes(target.value)}
                    onChange={(e) => toggle(target.value, e.currentTarget.checked)}
                  />
                ))}
              </div>
            </fieldset>
          )}
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-6">
            <Checkbox
              name="firstTimeOnly"
              label={scope === "PLATFORM" ? t("coupons.form.firstTimePlatform") : t("coupons.form.firstTimeStore")}
            />
            {scope === "PLATFORM" && <Checkbox name="appliesToCredits" label={t("coupons.form.appliesToCredits")} />}
          </div>
          <div className="grid gap-4 border-t border-line pt-5 sm:grid-cols-2">
            <Field label={t("coupons.form.code")} hint={t("coupons.form.codeHint")}>
              <Input name="code" maxLength={40} autoCapitalize="characters" className="font-mono uppercase" />
            </Field>
            <Field label={t("coupons.form.codeMax")}>
              <Input name="codeMax" inputMode="numeric" />
            </Field>
            <Field label={t("coupons.form.codeExpires")}>
              <Input name="codeExpires" type="date" />
            </Field>
            {/* A platform percent coupon has no currency to hold a minimum in. */}
            {!(scope === "PLATFORM" && kind === "percent") && (
              <Field label={t("coupons.form.minimumAmount")}>
                <Input
                  name="minimumAmount"
                  inputMode="decimal"
                  trailing={kind === "amount" ? currency : defaultCurrency}
                />
              </Field>
            )}
          </div>
          <div className="flex justify-end">
            <Button type="submit" loading={pending}>
              {t("coupons.form.submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
