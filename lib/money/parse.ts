// What a person typed in major units ("89,90" in pt-BR, "1,299.90" in en, "R$ 1.234,56") →
// integer minor units, with string arithmetic only.
import { minorUnitDigits } from "./currency";

export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: "empty" | "format" | "decimals" };

/** The locale's decimal mark: "," for pt-BR (and most of Europe), "." for en. */
export function decimalMark(locale: string): "," | "." {
  return new Intl.NumberFormat(locale).format(1.5).includes(",") ? "," : ".";
}

/**
 * The locale's decimal mark wins; the other mark is read as a thousands separator, except that a
 * lone other mark followed by one or two digits ("89.90" typed in pt-BR) is read as decimals.
 */
export function parseAmount(input: string, currency: string, locale: string): ParsedAmount {
  const digits = minorUnitDigits(currency);
  const text = input.replace(/[\s\u00a0]/g, "").replace(/^(R\$|US\$|\$|€)/i, "");
  if (!text) return { ok: false, reason: "empty" };
  if (!/^[\d.,]+$/.test(text)) return { ok: false, reason: "format" };
  const decimal = decimalMark(locale);
  const group = decimal === "," ? "." : ",";
  let normalised: string;
  if (text.includes(decimal)) {
    const [whole, ...rest] = text.split(decimal);
    if (rest.length !== 1) return { ok: false, reason: "format" };
    if (rest[0]!.includes(group) || !validGrouping(whole!, group)) return { ok: false, reason: "format" };
    normalised = `${whole!.split(group).join("")}.${rest[0]}`;
  } else {
    const parts = text.split(group);
    const last = parts.at(-1)!;
    if (parts.length === 2 && last.length > 0 && last.length <= 2) normalised = `${parts[0]}.${last}`;
    else if (!validGrouping(text, group)) return { ok: false, reason: "format" };
    else normalised = parts.join("");
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(normalised);
  if (!match || (!match[1] && !match[2])) return { ok: false, reason: "format" };
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return { ok: false, reason: "decimals" };
  const minorText = `${match[1] || "0"}${fraction.padEnd(digits, "0")}`.replace(/^0+(?=\d)/, "");
  if (minorText.length > 12) return { ok: false, reason: "format" };
  return { ok: true, minor: Number(minorText) };
}

/** "1.299" and "12.345.678" are fine thousands groupings; "1.29" and "12.34.5" are not. */
function validGrouping(whole: string, group: string): boolean {
  if (!whole.includes(group)) return true;
  const [head, ...groups] = whole.split(group);
  return /^\d{1,3}$/.test(head!) && groups.every((g) => /^\d{3}$/.test(g));
}
