import { describe, expect, it } from "vitest";
import { matchWebhook, type MatchCandidate } from "@/lib/pix/match";
import { transition } from "@/lib/pix/transition";
import type { PixChargeState, PixStatus } from "@/lib/pix/status";
import type { PixWebhookEvent } from "@/lib/pix/types";

const NOW = new Date("2025-06-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function charge(over: Partial<MatchCandidate> & { id: string }): MatchCandidate {
  return {
    storeId: "store_a",
    gatewayId: "pushinpay",
    reference: `ref_${over.id}`,
    amountCentavos: 1990,
    status: "pending",
    createdAt: minutesAgo(5),
    ...over,
  };
}
function event(over: Partial<PixWebhookEvent> = {}): PixWebhookEvent {
  return { transactionId: "tx_none", status: "paid", amountCentavos: 1990, raw: {}, ...over };
}
const match = (
  ev: PixWebhookEvent,
  candidates: MatchCandidate[],
  extra: { storeId?: string; gatewayId?: string; expectedProducerHash?: string } = {},
) => matchWebhook({ storeId: "store_a", gatewayId: "pushinpay", event: ev, candidates, now: NOW, ...extra });

describe("matchWebhook priorities", () => {
  const byTx = charge({ id: "c1", transactionId: "tx_1", hash: "h_other", reference: "ref_x" });
  const byHash = charge({ id: "c2", transactionId: "tx_2", hash: "h_1" });
  const byRef = charge({ id: "c3", transactionId: "tx_3", reference: "ref_1" });
  const all = [byRef, byHash, byTx];

  it("prefers transaction id over hash over reference", () => {
    expect(match(event({ transactionId: "tx_1", hash: "h_1", reference: "ref_1" }), all)).toMatchObject({
      charge: { id: "c1" },
      by: "transactionId",
      flagged: false,
    });
    expect(match(event({ hash: "h_1", reference: "ref_1" }), all)).toMatchObject({
      charge: { id: "c2" },
      by: "hash",
      flagged: false,
    });
    expect(match(event({ reference: "ref_1" }), all)).toMatchObject({
      charge: { id: "c3" },
      by: "reference",
      flagged: false,
    });
  });

  it("falls back to a single pending charge of the same amount in the window, flagged", () => {
    const lone = charge({ id: "c4", amountCentavos: 777 });
    expect(match(event({ amountCentavos: 777 }), [...all, lone])).toMatchObject({
      charge: { id: "c4" },
      by: "amount",
      flagged: true,
    });
  });

  it("refuses the amount fallback when ambiguous, too old, not pending or on another gateway", () => {
    const twins = [charge({ id: "a", amountCentavos: 500 }), charge({ id: "b", amountCentavos: 500 })];
    expect(match(event({ amountCentavos: 500 }), twins)).toEqual({ charge: null, reason: "ambiguous_amount" });
    expect(
      match(event({ amountCentavos: 500 }), [charge({ id: "old", amountCentavos: 500, createdAt: minutesAgo(31) })]),
    ).toEqual({ charge: null, reason: "no_match" });
    expect(match(event({ amountCentavos: 500 }), [charge({ id: "p", amountCentavos: 500, status: "paid" })])).toEqual({
      charge: null,
      reason: "no_match",
    });
    expect(
      match(event({ amountCentavos: 500 }), [charge({ id: "g", amountCentavos: 500, gatewayId: "syncpay" })]),
    ).toEqual({ charge: null, reason: "no_match" });
  });

  it("never matches another store's charge, even by exact transaction id", () => {
    const theirs = charge({ id: "b1", storeId: "store_b", transactionId: "tx_b" });
    expect(match(event({ transactionId: "tx_b" }), [theirs])).toEqual({ charge: null, reason: "no_match" });
    expect(match(event({ transactionId: "tx_b" }), [theirs], { storeId: "store_b" })).toMatchObject({
      charge: { id: "b1" },
    });
    // Store A's webhook with an amount that only store B has pending: still nothing.
    expect(match(event({ amountCentavos: 1990 }), [theirs])).toEqual({ charge: null, reason: "no_match" });
  });

  it("cross-checks Átomo's producer hash against the charge or the account", () => {
    const atomo = charge({ id: "at", gatewayId: "atomopay", transactionId: "501", producerHash: "prod_a" });
    const opts = { gatewayId: "atomopay" };
    expect(match(event({ transactionId: "501", producerHash: "prod_a" }), [atomo], opts)).toMatchObject({
      charge: { id: "at" },
    });
    expect(match(event({ transactionId: "501", producerHash: "prod_x" }), [atomo], opts)).toEqual({
      charge: null,
      reason: "producer_mismatch",
    });
    const noHash = { ...atomo, producerHash: null };
    expect(
      match(event({ transactionId: "501", producerHash: "prod_x" }), [noHash], {
        ...opts,
        expectedProducerHash: "prod_a",
      }),
    ).toEqual({ charge: null, reason: "producer_mismatch" });
    expect(
      match(event({ transactionId: "501", producerHash: "prod_a" }), [noHash], {
        ...opts,
        expectedProducerHash: "prod_a",
      }),
    ).toMatchObject({ charge: { id: "at" } });
  });
});

describe("charges awaiting the buyer's data", () => {
  it("are never matched: not by reference, not by amount (no gateway charge exists yet)", () => {
    const awaiting = charge({ id: "aw", status: "awaiting_customer", reference: "ref_aw" });
    expect(match(event({ reference: "ref_aw" }), [awaiting])).toEqual({ charge: null, reason: "no_match" });
    expect(match(event(), [awaiting])).toEqual({ charge: null, reason: "no_match" });
    // …and do not make a real pending charge of the same amount ambiguous.
    expect(match(event(), [awaiting, charge({ id: "p1" })])).toMatchObject({ charge: { id: "p1" }, by: "amount" });
  });
});

describe("transition", () => {
  const cases: Array<[PixChargeState, PixStatus, boolean, boolean]> = [
    // current, incoming, verified, expected apply
    ["pending", "paid", false, true],
    ["pending", "failed", false, true],
    ["paid", "paid", false, false],
    ["paid", "failed", true, false],
    ["paid", "pending", true, false],
    ["paid", "refunded", false, true],
    ["paid", "disputed", false, true],
    ["failed", "paid", false, false],
    ["failed", "paid", true, true],
    ["failed", "pending", true, false],
    ["refunded", "paid", true, false],
    ["disputed", "refunded", false, true],
    ["disputed", "paid", false, false],
    ["disputed", "paid", true, true],
    // Only expiry moves a charge that has no gateway charge yet; nothing a gateway says can pay it.
    ["awaiting_customer", "failed", true, true],
    ["awaiting_customer", "paid", true, false],
    ["awaiting_customer", "refunded", true, false],
    ["awaiting_customer", "disputed", true, false],
    ["awaiting_customer", "pending", true, false],
  ];
  it.each(cases)("%s → %s (verified=%s) applies: %s", (current, incoming, verified, apply) => {
    const d = transition(current, incoming, { verified });
    expect(d.apply).toBe(apply);
    expect(d.next).toBe(apply ? incoming : current);
    expect(d.reason).toMatch(/^[a-z_]+$/);
  });

  it("explains why a late payment on a failed charge waits for the gateway", () => {
    expect(transition("failed", "paid")).toEqual({
      apply: false,
      next: "failed",
      reason: "failed_to_paid_needs_gateway_confirmation",
    });
    expect(transition("failed", "paid", { verified: true })).toEqual({
      apply: true,
      next: "paid",
      reason: "late_payment_confirmed_by_gateway",
    });
  });
});
