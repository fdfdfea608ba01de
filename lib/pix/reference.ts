import { randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const REFERENCE_PREFIX = "vtr";
export const REFERENCE_LENGTH = 32;

/**
 * Our reference for a charge: `vtr` + 29 random base62 characters (≈172 bits), 32 characters.
 * why no underscore: it must double as a BCB txid, which only allows [a-zA-Z0-9]{26,35}.
 */
export function newPixReference(): string {
  let out = REFERENCE_PREFIX;
  while (out.length < REFERENCE_LENGTH) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function isPixReference(value: unknown): value is string {
  return typeof value === "string" && /^vtr[a-zA-Z0-9]{29}$/.test(value);
}

/** The BCB API's txid rule for charges whose txid we choose (`PUT /cob/{txid}`). */
export function isBcbTxid(value: unknown): value is string {
  return typeof value === "string" && /^[a-zA-Z0-9]{26,35}$/.test(value);
}

/** Ids the BCB API allows for a devolução: [a-zA-Z0-9]{1,35}. */
export function newRefundId(): string {
  let out = "dev";
  while (out.length < 32) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
