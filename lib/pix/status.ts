import type { Logger } from "pino";
import { logger as defaultLogger } from "@/lib/log/logger";

/** Vitrine's normalised PIX statuses: what a gateway (or the seller) can report about a charge. */
export const PIX_STATUSES = ["pending", "paid", "failed", "refunded", "disputed"] as const;
export type PixStatus = (typeof PIX_STATUSES)[number];

/**
 * Every state a stored charge can be in: the statuses above plus `awaiting_customer` — created
 * without a gateway charge until the buyer gives the data the gateway needs on the payment page.
 * No gateway ever reports it, so it is not a PixStatus.
 */
export const PIX_CHARGE_STATES = [...PIX_STATUSES, "awaiting_customer"] as const;
export type PixChargeState = (typeof PIX_CHARGE_STATES)[number];

// Keys are lower case; lookups lower-case the gateway's string first.
const STATUS_TABLE: Record<string, PixStatus> = {
  paid: "paid",
  approved: "paid",
  authorized: "paid",
  confirmed: "paid",
  completed: "paid",
  paid_out: "paid",
  success: "paid",
  received: "paid",
  concluida: "paid",
  pending: "pending",
  waiting: "pending",
  waiting_payment: "pending",
  created: "pending",
  ativa: "pending",
  processing: "pending",
  failed: "failed",
  cancelled: "failed",
  canceled: "failed",
  expired: "failed",
  refused: "failed",
  removida_pelo_usuario_recebedor: "failed",
  removida_pelo_psp: "failed",
  refunded: "refunded",
  devolvido: "refunded",
  chargeback: "disputed",
  med: "disputed",
};

/**
 * Maps a gateway status string to ours, case-insensitively. Unknown strings map to `pending`
 * (never to paid or failed) and are logged as a warning so someone extends the table.
 */
export function mapPixStatus(raw: unknown, context: { gateway?: string; log?: Logger } = {}): PixStatus {
  const key = typeof raw === "string" ? raw.trim().toLowerCase() : "";
  const mapped = STATUS_TABLE[key] ?? (key.startsWith("removida_") ? "failed" : undefined);
  if (mapped) return mapped;
  (context.log ?? defaultLogger).warn(
    { gateway: context.gateway, rawStatus: typeof raw === "string" ? raw.slice(0, 64) : typeof raw },
    "pix: unknown gateway status, treating as pending",
  );
  return "pending";
}

export function isPixStatus(value: unknown): value is PixStatus {
  return typeof value === "string" && (PIX_STATUSES as readonly string[]).includes(value);
}

export function isPixChargeState(value: unknown): value is PixChargeState {
  return typeof value === "string" && (PIX_CHARGE_STATES as readonly string[]).includes(value);
}
