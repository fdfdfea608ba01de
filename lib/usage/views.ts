// The shapes usage is read in (API, pages, components): plain data, ISO dates, no server imports.

export type ResourceUsageView = {
  resource: string;
  /** flow: per period, soft limit; count: how many exist, hard limit; reported: POST /api/v1/usage, no limit. */
  kind: "flow" | "count" | "reported";
  used: number;
  limit: number | null;
  percent: number | null;
  /** What happens past the limit: block, credits (overage paid per unit), hard (creation refused). */
  mode: "block" | "credits" | "hard" | null;
  credits_per_unit: number | null;
  overage_units: number;
  units_charged: number;
  credits_debited: number;
  credits_exhausted: boolean;
  /** One more unit would be refused now (current period only). */
  blocked: boolean;
};

export type UsagePeriodView = {
  key: string;
  start: string;
  /** Exclusive. */
  end: string;
  source: "subscription" | "calendar";
  current: boolean;
};

export type UsageSummaryView = {
  period: UsagePeriodView;
  plan: { code: string; name: string };
  resources: ResourceUsageView[];
};

/** Per resource, one point per day of the period (null for days still to come, or a count with no snapshot). */
export type UsageSeries = Record<string, { date: string; value: number | null }[]>;

export type UsageReport = UsageSummaryView & { series: UsageSeries };

export type AlertView = {
  id: string;
  resource: string;
  threshold: number;
  used: number;
  limit: number;
  period_start: string;
  created_at: string;
};

export type AdminUsageCell = { resource: string; used: number; limit: number | null; percent: number | null };

export type AdminUsageRow = {
  storeId: string;
  storeName: string;
  ownerEmail: string;
  plan: { code: string; name: string };
  periodStart: string;
  periodEnd: string;
  resources: AdminUsageCell[];
  /** The highest percent of any soft-limited resource this period (null: none limited). */
  maxPercent: number | null;
  status: "over" | "near" | "ok";
  creditsDebited: number;
};

/** The bar colour band of a percent: warning from 80 %, danger from 100 %. */
export function usageBand(percent: number | null): "ok" | "near" | "reached" {
  if (percent === null || percent < 80) return "ok";
  return percent >= 100 ? "reached" : "near";
}
