// Minor units → text for people, per locale. Intl formats the exact decimal string, so no
// division by 100 ever happens on a float.
import { minorUnitDigits } from "./currency";
import { minorToDecimal } from "./decimal";
import { decimalMark } from "./parse";

type DecimalString = `${number}`;

/** 1990 BRL → "R$ 19,90" in pt-BR, "R$19.90" in en. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl accepts a decimal string and formats it exactly (ECMA-402 NumberFormat v3).
  return format.format(minorToDecimal(minor, currency) as DecimalString as unknown as number);
}

/** Minor units → the text a person would type back into an amount field ("89,90" / "89.90"). */
export function amountToInput(minor: number, currency: string, locale: string): string {
  const text = minorToDecimal(minor, currency);
  return decimalMark(locale) === "," ? text.replace(".", ",") : text;
}
