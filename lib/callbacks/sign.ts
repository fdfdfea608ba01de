// Signatures on every callback: our X-Payments-Signature and the Standard Webhooks headers.
// Pure (no I/O): during a secret rotation both secrets sign, so receivers holding either verify.
import { createHmac, randomBytes } from "node:crypto";

export const SECRET_PREFIX = "whsec_";
const VISIBLE_SECRET_CHARS = SECRET_PREFIX.length + 6;

/** `whsec_` + 32 random bytes in base64, the format Standard Webhooks libraries accept. */
export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

/** The part of a secret that is safe to show again (the rest is shown once). */
export function signingSecretPrefix(secret: string): string {
  return secret.slice(0, VISIBLE_SECRET_CHARS);
}

function standardKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error("signing secret must start with whsec_");
  return Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
}

/** `sha256=<hex>` of the raw body, keyed with the whole secret string (whsec_ included) as UTF-8. */
export function paymentsSignature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** `v1,<base64>` of "id.timestamp.body", keyed with the base64-decoded part after whsec_. */
export function standardSignature(id: string, timestamp: number, body: string, secret: string): string {
  return `v1,${createHmac("sha256", standardKey(secret)).update(`${id}.${timestamp}.${body}`, "utf8").digest("base64")}`;
}

export type SignInput = {
  /** The event id (evt_…): the same on every attempt, so receivers deduplicate by it. */
  id: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  body: string;
  /** Current secret first, then the previous one while its rotation overlap lasts. */
  secrets: string[];
};

export type SignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
  "x-payments-signature": string;
};

export function signCallback({ id, timestamp, body, secrets }: SignInput): SignatureHeaders {
  if (secrets.length === 0) throw new Error("at least one signing secret is required");
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((s) => standardSignature(id, timestamp, body, s)).join(" "),
    "x-payments-signature": secrets.map((s) => paymentsSignature(body, s)).join(","),
  };
}
