import { shareOf } from "@/lib/money";
import { PixGatewayError } from "./errors";
import type { PixSplitLimits, PixSplitRule } from "./types";

/** The centavos a percentage share takes of a charge (floored: the seller keeps the remainder). */
export const shareCentavos = (amountCentavos: number, percentage: number) => shareOf(amountCentavos, percentage, 100);

/**
 * What is wrong with a split for a gateway, or null. Without an amount, only the rules that do not
 * depend on it are checked (when a seller saves split settings); with one, every rule.
 */
export function splitProblem(
  limits: PixSplitLimits | null,
  split: PixSplitRule[],
  amountCentavos?: number,
): string | null {
  if (split.length === 0) return null;
  if (!limits) return "this gateway does not take split payments";
  if (split.length > limits.maxRecipients)
    return `at most ${limits.maxRecipients} recipient${limits.maxRecipients === 1 ? "" : "s"}`;
  const ids = new Set<string>();
  for (const rule of split) {
    if (!rule.recipientId.trim()) return "every share needs the recipient's account id";
    if (ids.has(rule.recipientId)) return `recipient ${rule.recipientId} appears twice`;
    ids.add(rule.recipientId);
    if (!Number.isInteger(rule.percentage) || rule.percentage < 1 || rule.percentage > 100)
      return "percentages must be whole numbers from 1 to 100";
  }
  const total = split.reduce((s, r) => s + r.percentage, 0);
  if (total > limits.maxTotalPercentage)
    return `the shares add up to ${total} %, more than the ${limits.maxTotalPercentage} % allowed`;
  if (amountCentavos !== undefined && limits.minShareExclusiveCentavos !== undefined) {
    const small = split.find((r) => shareCentavos(amountCentavos, r.percentage) <= limits.minShareExclusiveCentavos!);
    if (small)
      return `each share must be more than ${limits.minShareExclusiveCentavos} centavos (${small.percentage} % of this amount is ${shareCentavos(amountCentavos, small.percentage)})`;
  }
  return null;
}

/** The config's own account id at the gateway, when the gateway refuses splits to it and the seller gave it. */
export function ownAccountOf(
  limits: PixSplitLimits | null,
  credentials: Record<string, unknown> | null | undefined,
): string | undefined {
  const field = limits?.ownAccountCredential;
  const value = field ? credentials?.[field] : undefined;
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** The share that would pay the receiving account itself (WiinPay refuses it), if any. */
export function splitToOwnAccount(split: PixSplitRule[], ownAccountId: string | undefined): PixSplitRule | undefined {
  return ownAccountId ? split.find((r) => r.recipientId.trim() === ownAccountId) : undefined;
}

export function assertSplit(
  gateway: string,
  displayName: string,
  limits: PixSplitLimits | null,
  split: PixSplitRule[] | undefined,
  amountCentavos: number,
): void {
  const problem = splitProblem(limits, split ?? [], amountCentavos);
  if (problem)
    throw new PixGatewayError(limits ? "invalid_split" : "not_supported", `${displayName} split: ${problem}`, {
      gateway,
    });
}
