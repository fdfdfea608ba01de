/** Products and prices as the API returns them (dates as ISO strings). */
export type PriceView = {
  id: string;
  unitAmount: number;
  currency: string;
  type: "ONE_TIME" | "RECURRING";
  interval: "MONTH" | "YEAR" | null;
  trialDays: number | null;
  active: boolean;
  stripePriceId: string | null;
};

export type ProductView = {
  id: string;
  name: string;
  description: string | null;
  imageUrl: string | null;
  /** How many one buyer may take on the buy link (1: no quantity field). */
  maxQuantity: number;
  active: boolean;
  stripeProductId: string | null;
  createdAt: string;
  prices: PriceView[];
};

/** Server rows → the same plain JSON the API sends, for client components' initial data. */
export function asJson<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
