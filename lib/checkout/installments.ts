// Card installments ("parcelado") on the Elements pay page. Stripe offers them to accounts in
// Brazil (BRL) and Mexico (MXN) for cards issued there (docs/installments.md): the PaymentIntent is
// created with installments enabled, the card's `available_plans` come back once it is attached,
// and the plan is chosen at confirmation. The seller narrows what Stripe offers: at most
// `installmentsMaxCount` installments, none smaller than `installmentsMinAmount`.
import { z } from "zod";

/** Account country → the currency installments are offered in there. */
export const INSTALLMENT_MARKETS: Record<string, string> = { BR: "BRL", MX: "MXN" };

/** Stripe's ceiling per market (fixed_count, monthly). */
export const MAX_INSTALLMENTS = 12;

export type InstallmentCaps = { maxCount: number; minAmount: number };
export type InstallmentOption = { count: number; amountPerInstallment: number };

/** Whether Stripe offers installments to an account of this country selling in this currency. */
export function installmentsOffered(accountCountry: string, currency: string): boolean {
  return INSTALLMENT_MARKETS[accountCountry.toUpperCase()] === currency.toUpperCase();
}

/** An installment's share, rounded down: the issuer adds the leftover cents to the first one. */
export function perInstallment(total: number, count: number): number {
  return Math.floor(total / count);
}

/**
 * The plans the buyer may choose: Stripe's fixed_count monthly plans for this card, capped by the
 * seller's maximum and minimum per installment. Paying at once (count 1) is always possible.
 */
export function allowedInstallments(
  available: ReadonlyArray<{ type: string; count: number | null; interval: string | null }> | null | undefined,
  total: number,
  caps: InstallmentCaps,
): InstallmentOption[] {
  const counts = new Set<number>();
  for (const plan of available ?? []) {
    if (plan.type !== "fixed_count" || plan.interval !== "month" || !plan.count) continue;
    if (plan.count < 2 || plan.count > Math.min(caps.maxCount, MAX_INSTALLMENTS)) continue;
    if (perInstallment(total, plan.count) < caps.minAmount) continue;
    counts.add(plan.count);
  }
  return [...counts]
    .sort((a, b) => a - b)
    .map((count) => ({ count, amountPerInstallment: perInstallment(total, count) }));
}

/** The seller's settings form: GET/PUT /api/v1/store/installments. */
export const InstallmentSettingsInput = z.strictObject({
  maxCount: z.number().int().min(1, "At least 1 (1 turns installments off).").max(MAX_INSTALLMENTS),
  /** Minor units of the store currency. */
  minAmount: z.number().int().min(0).max(100_000_000),
});
export type InstallmentSettingsInput = z.infer<typeof InstallmentSettingsInput>;
