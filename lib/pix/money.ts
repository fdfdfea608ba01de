import { PixGatewayError } from "./errors";

/**
 * Money is integer centavos everywhere inside Vitrine. These helpers are the only place that
 * converts to or from reais, and they do it with integer/string maths so 19.9 never becomes 1989.
 */

export function assertCentavos(amount: number, what = "amount"): void {
  if (typeof amount !== "number" || !Number.isFinite(amount) || !Number.isSafeInteger(amount) || amount <= 0)
    throw new PixGatewayError("invalid_amount", `${what} must be a positive whole number of centavos`);
}

/** Validates an amount for a gateway: positive integer centavos, at least its minimum. */
export function assertChargeAmount(amountCentavos: number, minimumCentavos: number, gateway?: string): void {
  assertCentavos(amountCentavos);
  if (amountCentavos < minimumCentavos)
    throw new PixGatewayError(
      "amount_below_minimum",
      `amount ${formatReais(amountCentavos)} is below this gateway's minimum of ${formatReais(minimumCentavos)}`,
      { gateway },
    );
}

/** 1990 → "19.90" (the decimal string the BCB API and BR Codes use). */
export function centavosToReaisString(centavos: number): string {
  if (!Number.isSafeInteger(centavos)) throw new PixGatewayError("invalid_amount", "centavos must be an integer");
  const sign = centavos < 0 ? "-" : "";
  const abs = Math.abs(centavos);
  const reais = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${reais}.${cents < 10 ? "0" : ""}${cents}`;
}

/** 1990 → 19.9 (for JSON APIs that want a number in reais). Parsing the exact string keeps it exact. */
export function centavosToReais(centavos: number): number {
  return Number(centavosToReaisString(centavos));
}

const REAIS_RE = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Reais (number or string like "19.9", "19,90", "1990.00") → centavos. Throws invalid_amount for
 * more than two decimals or anything that is not a plain number.
 */
export function reaisToCentavos(reais: number | string): number {
  let text: string;
  if (typeof reais === "number") {
    if (!Number.isFinite(reais)) throw new PixGatewayError("invalid_amount", "amount is not a finite number");
    // why: toFixed(2) rounds the binary float to the decimal the sender meant (19.9 → "19.90");
    // a value with real third-decimal content is rejected below by comparing back.
    text = reais.toFixed(2);
    if (Math.abs(Number(text) - reais) > 1e-9)
      throw new PixGatewayError("invalid_amount", "amount has more than two decimals");
  } else {
    text = reais.trim();
  }
  const m = REAIS_RE.exec(text);
  if (!m) throw new PixGatewayError("invalid_amount", "amount is not a decimal number of reais");
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "0").padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) throw new PixGatewayError("invalid_amount", "amount is too large");
  return m[1] ? -cents : cents;
}

/** For messages and logs: 1990 → "R$ 19,90". */
export function formatReais(centavos: number): string {
  return `R$ ${centavosToReaisString(centavos).replace(".", ",")}`;
}
