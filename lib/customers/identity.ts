// Who a buyer is, normalised: the keys a store's customers are matched by (email, else CPF/CNPJ)
// and what the dashboard may show of them. Pure functions, no server imports.
import { createHash } from "node:crypto";

/** Trimmed and lower-cased; null when it is not an email at all. */
export function normaliseEmail(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? email : null;
}

export function digitsOf(raw: unknown): string {
  return typeof raw === "string" ? raw.replace(/\D/g, "") : "";
}

/** A CPF (11 digits) or CNPJ (14 digits), digits only; null for anything else. */
export function taxIdDigits(raw: unknown): string | null {
  const d = digitsOf(raw);
  return d.length === 11 || d.length === 14 ? d : null;
}

/**
 * The stored key of a CPF/CNPJ: a SHA-256 of its digits. The full number stays only on the payment
 * that carried it (the gateway needed it); the customer keeps this hash and a masked form.
 */
export function hashTaxId(digits: string): string {
  return createHash("sha256").update(`taxid:${digits}`).digest("hex");
}

/** ***.456.789-** for a CPF, **.345.678/0001-** for a CNPJ: enough to recognise, not to reuse. */
export function maskTaxId(digits: string): string {
  if (digits.length === 11) return `***.${digits.slice(3, 6)}.${digits.slice(6, 9)}-**`;
  return `**.${digits.slice(2, 5)}.${digits.slice(5, 8)}/${digits.slice(8, 12)}-**`;
}

/** Digits only, 8 to 15 of them (E.164's ceiling); null otherwise. */
export function normalisePhone(raw: unknown): string | null {
  const d = digitsOf(raw);
  return d.length >= 8 && d.length <= 15 ? d : null;
}

export function cleanName(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const name = raw.trim().replace(/\s+/g, " ");
  return name ? name.slice(0, 200) : null;
}

/**
 * What the customer list search box can mean: digits (a phone, or a whole CPF/CNPJ, which is matched
 * by its hash since only the masked form is kept), or text (part of an email or name).
 */
export type CustomerQuery =
  | { kind: "digits"; digits: string; taxIdHash: string | null }
  | { kind: "text"; text: string };

export function parseCustomerQuery(raw: string): CustomerQuery | null {
  const q = raw.trim().slice(0, 200);
  if (!q) return null;
  if (!/[a-z@]/i.test(q)) {
    const digits = digitsOf(q);
    const tax = taxIdDigits(q);
    if (digits.length >= 4) return { kind: "digits", digits, taxIdHash: tax ? hashTaxId(tax) : null };
  }
  return { kind: "text", text: q.toLowerCase() };
}

/** A Brazilian number as (11) 98888-7777 (with or without the 55 country code); others as given. */
export function formatPhone(digits: string): string {
  const local = digits.length === 13 && digits.startsWith("55") ? digits.slice(2) : digits;
  if (local.length === 11) return `(${local.slice(0, 2)}) ${local.slice(2, 7)}-${local.slice(7)}`;
  if (local.length === 10) return `(${local.slice(0, 2)}) ${local.slice(2, 6)}-${local.slice(6)}`;
  return `+${digits}`;
}
