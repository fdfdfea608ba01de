// Payout states, failure codes and balance transaction types as people read them.
import type { BadgeTone } from "@/components/ui/badge";
import type { TranslateFn } from "@/lib/i18n/translate";

const STATUSES = ["pending", "in_transit", "paid", "failed", "canceled"] as const;
const FAILURES = [
  "account_closed",
  "account_frozen",
  "could_not_process",
  "insufficient_funds",
  "invalid_account_number",
  "no_account",
] as const;
const TYPES = [
  "charge",
  "payment",
  "refund",
  "application_fee_refund",
  "adjustment",
  "payout",
  "payout_failure",
  "transfer",
] as const;

const isOne = <T extends string>(list: readonly T[], v: string | null): v is T => !!v && list.includes(v as T);

export const PAYOUT_TONE: Record<string, BadgeTone> = {
  pending: "neutral",
  in_transit: "info",
  paid: "success",
  failed: "danger",
  canceled: "warning",
};

export function payoutStatusLabel(t: TranslateFn, status: string): string {
  return isOne(STATUSES, status) ? t(`balance.payouts.status.${status}`) : status;
}

export function payoutFailureLabel(t: TranslateFn, code: string | null): string {
  return isOne(FAILURES, code) ? t(`balance.payouts.failure.${code}`) : t("balance.payouts.failure.other");
}

export function transactionTypeLabel(t: TranslateFn, type: string): string {
  return isOne(TYPES, type) ? t(`balance.txn.types.${type}`) : t("balance.txn.types.other");
}
