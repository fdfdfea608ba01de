// Shapes of the balance page and of GET /api/v1/balance and /api/v1/payouts. Amounts are integer
// minor units with an upper-case ISO currency; times are ISO-8601 UTC.
export type MoneyAmount = { amount: number; currency: string };

export type BalanceTransactionView = {
  id: string;
  /** Stripe's type: charge, refund, application_fee_refund, adjustment, payout, payout_failure… */
  type: string;
  amount: number;
  fee: number;
  net: number;
  currency: string;
  status: "available" | "pending";
  availableOn: string;
  createdAt: string;
  /** The charge, refund, dispute or payout it came from. */
  source: string | null;
  description: string | null;
};

export type PayoutView = {
  id: string;
  amount: number;
  currency: string;
  /** pending | in_transit | paid | failed | canceled */
  status: string;
  automatic: boolean;
  arrivalDate: string;
  createdAt: string;
  failureCode: string | null;
  failureMessage: string | null;
  /** What an automatic payout paid out; null for a manual payout (Stripe does not itemise those). */
  transactions: BalanceTransactionView[] | null;
};

export type PayoutPage = { data: PayoutView[]; hasMore: boolean };

/** `scheduled`: a payout already on its way; `expected`: pending funds that become available (and are paid out) that day. */
export type NextPayout = {
  kind: "scheduled" | "expected";
  amount: number;
  currency: string;
  date: string;
  payoutId: string | null;
};

export type StripeBalance = {
  connected: true;
  payoutsEnabled: boolean;
  available: MoneyAmount[];
  pending: MoneyAmount[];
  nextPayouts: NextPayout[];
  payouts: PayoutView[];
  hasMorePayouts: boolean;
  fetchedAt: string;
};

export type PixPeriod = { days: number; paid: number; refunded: number; net: number; count: number };

export type PixGatewayReceived = {
  gatewayConfigId: string | null;
  label: string | null;
  gateway: string | null;
  active: boolean;
  currency: "BRL";
  periods: PixPeriod[];
};
