/** Products, prices and the legacy Plan view of a recurring price. */
import type Stripe from "stripe";
import { newId } from "../ids";
import { wireDecimal } from "./common";

export type ProductInput = {
  id?: string;
  name: string;
  description?: string | null;
  active?: boolean;
  metadata?: Record<string, string>;
  images?: string[];
  url?: string | null;
  unit_label?: string | null;
  statement_descriptor?: string | null;
  tax_code?: string | null;
  shippable?: boolean | null;
};

export function productObject(input: ProductInput, now: number): Stripe.Product {
  return {
    id: input.id ?? newId("prod"),
    object: "product",
    active: input.active ?? true,
    created: now,
    default_price: null,
    description: input.description ?? null,
    images: input.images ?? [],
    livemode: false,
    marketing_features: [],
    metadata: input.metadata ?? {},
    name: input.name,
    package_dimensions: null,
    shippable: input.shippable ?? null,
    statement_descriptor: input.statement_descriptor ?? null,
    tax_code: input.tax_code ?? null,
    tax_details: null,
    type: "service",
    unit_label: input.unit_label ?? null,
    updated: now,
    url: input.url ?? null,
  };
}

export type RecurringInput = {
  interval: Stripe.Price.Recurring.Interval;
  interval_count?: number;
  trial_period_days?: number;
};

export type PriceInput = {
  currency: string;
  unit_amount: number;
  product: string;
  recurring?: RecurringInput;
  lookup_key?: string | null;
  nickname?: string | null;
  metadata?: Record<string, string>;
  active?: boolean;
  tax_behavior?: Stripe.Price.TaxBehavior;
};

export function priceObject(input: PriceInput, now: number): Stripe.Price {
  return {
    id: newId("price"),
    object: "price",
    active: input.active ?? true,
    billing_scheme: "per_unit",
    created: now,
    currency: input.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookup_key ?? null,
    metadata: input.metadata ?? {},
    nickname: input.nickname ?? null,
    product: input.product,
    recurring: input.recurring
      ? {
          interval: input.recurring.interval,
          interval_count: input.recurring.interval_count ?? 1,
          meter: null,
          trial_period_days: input.recurring.trial_period_days ?? null,
          usage_type: "licensed",
        }
      : null,
    tax_behavior: input.tax_behavior ?? "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: input.recurring ? "recurring" : "one_time",
    unit_amount: input.unit_amount,
    unit_amount_decimal: wireDecimal(input.unit_amount),
  };
}

/** Subscription items still carry the legacy `plan` mirror of their price. */
export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  const recurring = price.recurring ?? {
    interval: "month",
    interval_count: 1,
    meter: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: recurring.trial_period_days,
    usage_type: recurring.usage_type,
  };
}
