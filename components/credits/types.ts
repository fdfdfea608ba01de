// Shapes of the credits API (see docs/API.md) as the browser receives them: dates are ISO strings.
export type CreditPackageRow = {
  id: string;
  slug: string;
  name: string;
  credits: number;
  amount: number;
  currency: string;
};
export type CustomAmountRule = { creditsPerUnit: number; minAmount: number; maxAmount: number; currency: string };
export type PackagesView = { packages: CreditPackageRow[]; custom: CustomAmountRule };
export type BalanceView = { balance: number; held: number; updatedAt: string | null };

// Ledger day filters and the chart count days in the zone dates are shown in.
export { DISPLAY_TIME_ZONE } from "@/lib/i18n/format";

export const ENTRY_KINDS = [
  "PURCHASE",
  "SPEND",
  "REFUND_REVERSAL",
  "DISPUTE_HOLD",
  "DISPUTE_RELEASE",
  "DISPUTE_LOSS",
  "ADJUSTMENT",
  "EXPIRY",
  "OVERAGE",
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type LedgerEntryRow = {
  id: string;
  seq: number;
  kind: EntryKind;
  amount: number;
  balanceAfter: number;
  reference: string | null;
  reason: string | null;
  actorType: string;
  actorId: string | null;
  createdAt: string;
};
export type LedgerPage = { entries: LedgerEntryRow[]; nextCursor: string | null };
export type SeriesPoint = { date: string; bought: number; spent: number };

export const FINAL_STATUSES = ["SUCCEEDED", "FAILED", "CANCELED"] as const;
export type PurchaseStatus = "PENDING" | "REQUIRES_ACTION" | "PROCESSING" | "SUCCEEDED" | "FAILED" | "CANCELED";
export type PurchaseView = {
  id: string;
  status: PurchaseStatus;
  credits: number;
  amount: number;
  currency: string;
  paymentIntentId: string | null;
  packageId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  creditedAt: string | null;
  createdAt: string;
};
export type StartedPurchase = { purchase: PurchaseView; clientSecret: string | null; publishableKey: string | null };
export type PayablePurchase = { purchase: PurchaseView; clientSecret: string; publishableKey: string };
export type SavedCard = { id: string; brand: string; last4: string; expMonth: number; expYear: number };

export const BALANCE_KEY = ["credits", "balance"] as const;
export const LEDGER_KEY = ["credits", "ledger"] as const;
export const SERIES_KEY = ["credits", "series"] as const;
export const CARDS_KEY = ["credits", "payment-methods"] as const;

/** A purchase is settled once it failed, was canceled, or succeeded and the credits are on the ledger. */
export function isSettled(p: Pick<PurchaseView, "status" | "creditedAt">): boolean {
  return p.status === "FAILED" || p.status === "CANCELED" || (p.status === "SUCCEEDED" && p.creditedAt !== null);
}

export const purchasePath = (id: string) => `/dashboard/credits/purchases/${id}`;
