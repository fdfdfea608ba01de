// Brazilian tax ids (CPF for people, CNPJ for companies) and foreign ones, as printed on invoices.
// Check digits come from @brazilian-utils/brazilian-utils (the Receita Federal algorithms, the
// alphanumeric CNPJ of 2026 included); this file only normalises, tells the kinds apart and formats.
import { formatCnpj, formatCpf, isValidCnpj, isValidCpf } from "@brazilian-utils/brazilian-utils";

export const TAX_ID_TYPES = ["cpf", "cnpj", "other"] as const;
export type TaxIdType = (typeof TAX_ID_TYPES)[number];

export type TaxIdProblem = "empty" | "wrong_length" | "repeated_digits" | "check_digits" | "bad_characters";
export type TaxIdResult = { ok: true; type: TaxIdType; value: string } | { ok: false; problem: TaxIdProblem };

const MASK_CHARS = /[\s.\-/]/g;
/** A foreign tax id: letters, digits and the usual separators, as the other country writes it. */
const FOREIGN = /^[A-Za-z0-9][A-Za-z0-9 .\-/]{0,39}$/;

/** "529.982.247-25" → "52998224725"; "12.abc.345/01de-35" → "12ABC34501DE35" (alphanumeric CNPJ). */
export function normaliseTaxId(raw: string): string {
  return raw.replace(MASK_CHARS, "").toUpperCase();
}

/** CPF: 11 digits; CNPJ: 14 characters, digits or (since 2026) letters in the first 12. Null: neither shape. */
export function brazilianTaxIdType(normalised: string): "cpf" | "cnpj" | null {
  if (/^\d{11}$/.test(normalised)) return "cpf";
  if (/^[0-9A-Z]{12}\d{2}$/.test(normalised)) return "cnpj";
  return null;
}

/**
 * Validates a CPF or CNPJ (type given, or told apart by length) by its check digits; "other" keeps
 * a foreign id as typed (trimmed), checked only for sane characters. The value returned is what we
 * store: bare digits (and letters for an alphanumeric CNPJ), or the trimmed foreign id.
 */
export function validateTaxId(raw: string, type?: TaxIdType): TaxIdResult {
  const trimmed = raw.trim();
  if (!trimmed) return { ok: false, problem: "empty" };
  if (type === "other") return FOREIGN.test(trimmed) ? { ok: true, type, value: trimmed } : bad("bad_characters");
  const value = normaliseTaxId(trimmed);
  if (!/^[0-9A-Z]+$/.test(value)) return bad("bad_characters");
  const kind = type ?? brazilianTaxIdType(value);
  if (kind === "cpf") {
    if (!/^\d{11}$/.test(value)) return bad("wrong_length");
    if (/^(\d)\1{10}$/.test(value)) return bad("repeated_digits");
    return isValidCpf(value) ? { ok: true, type: "cpf", value } : bad("check_digits");
  }
  if (kind === "cnpj") {
    if (!/^[0-9A-Z]{12}\d{2}$/.test(value)) return bad("wrong_length");
    if (/^(.)\1{13}$/.test(value)) return bad("repeated_digits");
    return isValidCnpj(value, { version: 2 }) ? { ok: true, type: "cnpj", value } : bad("check_digits");
  }
  return bad("wrong_length");
}

function bad(problem: TaxIdProblem): TaxIdResult {
  return { ok: false, problem };
}

/** The full id with its usual mask ("529.982.247-25", "11.222.333/0001-81"), as a fiscal document prints it. */
export function formatTaxId(value: string, type: TaxIdType | string | null | undefined): string {
  if (type === "cpf" && /^\d{11}$/.test(value)) return formatCpf(value);
  if (type === "cnpj" && /^[0-9A-Z]{12}\d{2}$/.test(value)) return formatCnpj(value, { version: 2 });
  return value;
}

/**
 * The id with its first and last groups hidden ("***.982.247-**"), for screens and messages that
 * only need to tell ids apart; invoices print the full id.
 */
export function maskTaxId(value: string, type: TaxIdType | string | null | undefined): string {
  if (type === "cpf" && /^\d{11}$/.test(value)) return formatCpf(value, { obfuscate: true });
  if (type === "cnpj" && /^[0-9A-Z]{12}\d{2}$/.test(value)) {
    const full = formatCnpj(value, { version: 2 });
    return `**${full.slice(2, -2)}**`;
  }
  return value.length > 4 ? `${"*".repeat(value.length - 4)}${value.slice(-4)}` : value;
}

/** The label of the id's kind on a document ("CPF", "CNPJ", or the neutral "Tax ID" the caller translates). */
export function taxIdLabel(type: TaxIdType | string | null | undefined): "CPF" | "CNPJ" | null {
  return type === "cpf" ? "CPF" : type === "cnpj" ? "CNPJ" : null;
}
