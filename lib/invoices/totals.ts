// Line amounts and invoice totals, in integer minor units: a line is quantity × unit amount minus
// its discount plus its tax; the invoice adds its lines up. Nothing here rounds: every input is
// already an integer.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { LineInput } from "./types";

export type Totals = { subtotal: number; discountTotal: number; taxTotal: number; total: number };

const isInt = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n);

/** Refuses a line that is not whole minor units (a bug upstream, never rounded away here). */
export function assertLine(line: LineInput, index: number): void {
  const ok =
    line.description.trim().length > 0 &&
    isInt(line.quantity) &&
    line.quantity > 0 &&
    isInt(line.unitAmount) &&
    isInt(line.discountAmount ?? 0) &&
    (line.discountAmount ?? 0) >= 0 &&
    isInt(line.taxAmount ?? 0) &&
    (line.taxAmount ?? 0) >= 0;
  if (!ok)
    throw new AppError("validation_failed", `lines[${index}]: a line needs a description and whole minor units.`, {
      param: `lines[${index}]`,
    });
}

export function lineAmount(line: LineInput): number {
  return line.quantity * line.unitAmount - (line.discountAmount ?? 0) + (line.taxAmount ?? 0);
}

export function totalsOf(lines: LineInput[]): Totals {
  lines.forEach(assertLine);
  const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitAmount, 0);
  const discountTotal = lines.reduce((s, l) => s + (l.discountAmount ?? 0), 0);
  const taxTotal = lines.reduce((s, l) => s + (l.taxAmount ?? 0), 0);
  return { subtotal, discountTotal, taxTotal, total: subtotal - discountTotal + taxTotal };
}

/**
 * Spreads a discount given for the whole invoice over its lines, first lines first, never below a
 * line's own amount (Stripe reports per-line discounts when it has them; this is the fallback).
 */
export function allocateDiscount(lines: LineInput[], discountMinor: number): LineInput[] {
  let left = discountMinor;
  return lines.map((l) => {
    const room = Math.max(0, l.quantity * l.unitAmount - (l.discountAmount ?? 0));
    const take = Math.min(room, left);
    left -= take;
    return take > 0 ? { ...l, discountAmount: (l.discountAmount ?? 0) + take } : l;
  });
}

/** SHA-256 of a JSON value with its object keys sorted, so equal content always hashes equal. */
export function stableHash(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
}
