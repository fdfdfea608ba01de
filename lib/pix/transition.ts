// What a status report may do to a charge: the PIX charge state machine. Which charge a webhook
// means is lib/pix/match.ts; applying the move is lib/pix/service/apply.ts.
import type { PixChargeState, PixStatus } from "./status";

export type TransitionDecision = { apply: boolean; next: PixChargeState; reason: string };

export type TransitionOptions = {
  /** The incoming status comes from re-reading the charge at the gateway, not from a webhook alone. */
  verified?: boolean;
};

/**
 * Whether a charge may move from `current` to `incoming`:
 * pending → anything; paid is final except → refunded/disputed; refunded is final;
 * disputed → refunded, or back to paid when the gateway confirms; failed → paid only when the
 * gateway re-read says paid (a late payment on an expired charge). Nothing goes back to pending.
 * awaiting_customer (no gateway charge yet, see lib/pix/service/collect-customer.ts) only expires
 * → failed: no gateway can report a payment of a charge it never created. It leaves that state for
 * pending when the buyer's data is taken, which is a claim on the row, not a status report.
 */
export function transition(
  current: PixChargeState,
  incoming: PixStatus,
  options: TransitionOptions = {},
): TransitionDecision {
  const keep = (reason: string): TransitionDecision => ({ apply: false, next: current, reason });
  const move = (reason: string): TransitionDecision => ({ apply: true, next: incoming, reason });
  if (current === incoming) return keep("unchanged");
  if (incoming === "pending") return keep("never_back_to_pending");
  switch (current) {
    case "pending":
      return move(`pending_to_${incoming}`);
    case "paid":
      return incoming === "refunded" || incoming === "disputed" ? move(`paid_to_${incoming}`) : keep("paid_is_final");
    case "failed":
      if (incoming !== "paid") return keep("failed_is_final");
      return options.verified
        ? move("late_payment_confirmed_by_gateway")
        : keep("failed_to_paid_needs_gateway_confirmation");
    case "disputed":
      if (incoming === "refunded") return move("dispute_refunded");
      if (incoming === "paid")
        return options.verified
          ? move("dispute_resolved_for_seller")
          : keep("dispute_resolution_needs_gateway_confirmation");
      return keep("disputed_only_resolves_to_paid_or_refunded");
    case "refunded":
      return keep("refunded_is_final");
    case "awaiting_customer":
      return incoming === "failed" ? move("awaiting_customer_to_failed") : keep("no_gateway_charge_yet");
  }
}
