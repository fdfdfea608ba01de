// PIX amounts are integer centavos (BRL minor units). The conversions themselves live in lib/money;
// this file keeps what is PIX-specific: the gateway's amount rules and their PixGatewayError codes.
import { decimalToMinor, majorNumberToMinor, minorToDecimal } from "@/lib/money";
import { PixGatewayError } from "./errors";

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

/**
 * A gateway's amount in reais (JSON number 19.9, or text "19.90" / "19,90" / "19.9") → centavos,
 * exactly. Throws invalid_amount for more than two decimals or anything that is not a plain number.
 */
export function reaisToCentavos(reais: number | string): number {
  if (typeof reais === "number") {
    if (!Number.isFinite(reais)) throw new PixGatewayError("invalid_amount", "amount is not a finite number");
    const centavos = majorNumberToMinor(reais, "BRL");
    if (centavos === null)
      throw new PixGatewayError("invalid_amount", "amount has more than two decimals or is too large");
    return centavos;
  }
  // A single decimal comma is the Brazilian way of writing the same decimal point.
  const text = reais.trim();
  const centavos = /^-?\d+,\d+$/.test(text)
    ? decimalToMinor(text.replace(",", "."), "BRL")
    : decimalToMinor(text, "BRL");
  if (centavos === null)
    throw new PixGatewayError("invalid_amount", "amount is not a decimal number of reais with at most two decimals");
  return centavos;
}

/** For messages and logs: 1990 → "R$ 19,90" (no grouping, the same in every locale). */
export function formatReais(centavos: number): string {
  return `R$ ${minorToDecimal(centavos, "BRL").replace(".", ",")}`;
}
