import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 string, the alphabet Stripe uses in its ids. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}

/** `pi_3Q…` style id. Test-mode Checkout Sessions are `cs_test_…` like on Stripe. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

export function clientSecret(id: string): string {
  return `${id}_secret_${randomToken(24)}`;
}

export function webhookSecret(): string {
  return `whsec_${randomToken(32)}`;
}

/** The id of an expandable field (`string | { id }`), or null. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
