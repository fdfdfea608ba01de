// Which of our charges a gateway notification means, inside the tenant whose webhook URL was
// called. What then happens to the charge is lib/pix/transition.ts.
import type { PixChargeState } from "./status";
import type { PixGatewayId, PixWebhookEvent } from "./types";

/** What the matcher needs to know about one of our stored charges. */
export type MatchCandidate = {
  id: string;
  storeId: string;
  gatewayId: PixGatewayId | string;
  transactionId?: string | null;
  hash?: string | null;
  reference: string;
  amountCentavos: number;
  status: PixChargeState;
  createdAt: Date;
  /** Átomo: producer hash recorded when the charge was created. */
  producerHash?: string | null;
};

export type MatchBy = "transactionId" | "hash" | "reference" | "amount";

export type MatchResult<C extends MatchCandidate = MatchCandidate> =
  | { charge: C; by: MatchBy /** Last-resort amount match: act only after re-reading the gateway. */; flagged: boolean }
  | { charge: null; reason: "no_match" | "ambiguous_amount" | "producer_mismatch" };

export type MatchInput<C extends MatchCandidate> = {
  /** The tenant whose webhook URL received the event; candidates of other stores are ignored. */
  storeId: string;
  gatewayId: PixGatewayId | string;
  event: PixWebhookEvent;
  candidates: readonly C[];
  /** The producer hash configured for this gateway account (Átomo). */
  expectedProducerHash?: string | null;
  now?: Date;
  /** Window for the amount fallback. Default 30 minutes. */
  amountWindowMs?: number;
};

const DEFAULT_WINDOW_MS = 30 * 60 * 1000;

/**
 * Finds our charge for a gateway notification: transaction id, then hash, then our reference,
 * then — flagged — a single pending charge of the same amount on the same gateway created within
 * the window. Átomo's producer hash must agree with the charge's (or the account's) when both exist.
 * Charges awaiting the buyer's data are never matched (they have no gateway charge yet).
 */
export function matchWebhook<C extends MatchCandidate>(input: MatchInput<C>): MatchResult<C> {
  const { event } = input;
  // A charge still awaiting the buyer's data exists at no gateway: no notification can mean it.
  const own = input.candidates.filter(
    (c) => c.storeId === input.storeId && c.gatewayId === input.gatewayId && c.status !== "awaiting_customer",
  );

  const producerOk = (c: C) => {
    if (!event.producerHash) return true;
    const expected = c.producerHash ?? input.expectedProducerHash;
    return !expected || expected === event.producerHash;
  };

  const exact: Array<[MatchBy, (c: C) => boolean]> = [
    ["transactionId", (c) => !!event.transactionId && c.transactionId === event.transactionId],
    ["hash", (c) => !!event.hash && c.hash === event.hash],
    ["reference", (c) => !!event.reference && c.reference === event.reference],
  ];
  for (const [by, test] of exact) {
    const found = own.find(test);
    if (found)
      return producerOk(found) ? { charge: found, by, flagged: false } : { charge: null, reason: "producer_mismatch" };
  }

  const now = (input.now ?? new Date()).getTime();
  const window = input.amountWindowMs ?? DEFAULT_WINDOW_MS;
  const byAmount = own.filter(
    (c) =>
      c.status === "pending" &&
      c.amountCentavos === event.amountCentavos &&
      now - c.createdAt.getTime() <= window &&
      c.createdAt.getTime() <= now &&
      producerOk(c),
  );
  if (byAmount.length === 1) return { charge: byAmount[0], by: "amount", flagged: true };
  return { charge: null, reason: byAmount.length > 1 ? "ambiguous_amount" : "no_match" };
}
