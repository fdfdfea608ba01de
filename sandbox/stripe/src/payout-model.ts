/** Emulator-side facts kept beside a payout. */
export type PayoutExtras = {
  /** Balance transactions an automatic payout swept (what `?payout=` lists), its own included. */
  transactions: string[];
  /** When the payout failed and its amount went back to the balance. */
  failedAt: number | null;
};
