import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { logger } from "@/lib/log/logger";
import { env } from "@/lib/env/server";

/**
 * Secrets at rest (gateway credentials, callback signing secrets): AES-256-GCM, `v1.<kid>.<iv>.<tag>.<data>` (base64url parts).
 * Keys come from ENCRYPTION_KEYS="k2:<base64>,k1:<base64>" (first = current, the rest still
 * decrypt) or a single ENCRYPTION_KEY=<base64> (kid "k1"). The version and kid are authenticated
 * (AAD), as is an optional caller context such as the config row id, so a ciphertext cannot be
 * moved to another row unnoticed.
 */

export class CredentialKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialKeyError";
  }
}

export class CredentialDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialDecryptError";
  }
}

export type Keyring = { current: string; keys: Map<string, Buffer> };

type EnvLike = Record<string, string | undefined>;

const VERSION = "v1";
const DEV_KID = "dev";

function decodeKey(kid: string, b64: string, variable: string): Buffer {
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(kid))
    throw new CredentialKeyError(`${variable}: key id "${kid.slice(0, 16)}" must be 1-16 letters, digits, _ or -`);
  const key = Buffer.from(b64.trim(), "base64");
  if (key.length !== 32)
    throw new CredentialKeyError(`${variable}: key "${kid}" must be 32 bytes in base64 (got ${key.length})`);
  return key;
}

let warnedDev = false;

/** Reads the keyring from the environment. Throws CredentialKeyError with a fix-it message. */
export function loadKeyring(env: EnvLike = process.env): Keyring {
  const keys = new Map<string, Buffer>();
  if (env.ENCRYPTION_KEYS?.trim()) {
    for (const entry of env.ENCRYPTION_KEYS.split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const at = entry.indexOf(":");
      if (at < 1) throw new CredentialKeyError('ENCRYPTION_KEYS must look like "k2:<base64>,k1:<base64>"');
      const kid = entry.slice(0, at);
      if (keys.has(kid)) throw new CredentialKeyError(`ENCRYPTION_KEYS: key id "${kid}" appears twice`);
      keys.set(kid, decodeKey(kid, entry.slice(at + 1), "ENCRYPTION_KEYS"));
    }
    return { current: [...keys.keys()][0], keys };
  }
  if (env.ENCRYPTION_KEY?.trim()) {
    keys.set("k1", decodeKey("k1", env.ENCRYPTION_KEY, "ENCRYPTION_KEY"));
    return { current: "k1", keys };
  }
  if (env.APP_ENV === "production")
    throw new CredentialKeyError(
      "ENCRYPTION_KEY (or ENCRYPTION_KEYS) is required when APP_ENV=production; generate one with `openssl rand -base64 32`",
    );
  if (!warnedDev) {
    warnedDev = true;
    logger.warn(
      "!!! pix credentials: no ENCRYPTION_KEY set — using the FIXED DEMO KEY. Anything encrypted now is readable by anyone with this code. Never use this outside a demo. !!!",
    );
  }
  keys.set(DEV_KID, createHash("sha256").update("vitrine-demo-credentials-key").digest());
  return { current: DEV_KID, keys };
}

let cached: { signature: string; ring: Keyring } | undefined;

function defaultKeyring(): Keyring {
  const { ENCRYPTION_KEYS, ENCRYPTION_KEY, APP_ENV } = env();
  const signature = `${ENCRYPTION_KEYS ?? ""}|${ENCRYPTION_KEY ?? ""}|${APP_ENV}`;
  if (cached?.signature !== signature)
    cached = { signature, ring: loadKeyring({ ENCRYPTION_KEYS, ENCRYPTION_KEY, APP_ENV }) };
  return cached.ring;
}

const b64url = (buf: Buffer) => buf.toString("base64url");

function aad(kid: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${kid}.${context}`, "utf8");
}

export type CryptoOptions = {
  keyring?: Keyring /** Bound into the ciphertext; decrypt must pass the same. */;
  context?: string;
};

export function encryptJson(value: unknown, options: CryptoOptions = {}): string {
  const ring = options.keyring ?? defaultKeyring();
  const key = ring.keys.get(ring.current) as Buffer;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(ring.current, options.context ?? ""));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, ring.current, b64url(iv), b64url(cipher.getAuthTag()), b64url(data)].join(".");
}

function split(token: string): { kid: string; iv: Buffer; tag: Buffer; data: Buffer } {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new CredentialDecryptError("not a v1 credential ciphertext");
  const [, kid, iv, tag, data] = parts;
  return {
    kid,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    data: Buffer.from(data, "base64url"),
  };
}

export function decryptJson<T = unknown>(token: string, options: CryptoOptions = {}): T {
  const ring = options.keyring ?? defaultKeyring();
  const { kid, iv, tag, data } = split(token);
  const key = ring.keys.get(kid);
  if (!key)
    throw new CredentialDecryptError(`credentials were encrypted with key "${kid}", which is not in ENCRYPTION_KEYS`);
  if (iv.length !== 12 || tag.length !== 16) throw new CredentialDecryptError("credential ciphertext is malformed");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(aad(kid, options.context ?? ""));
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8")) as T;
  } catch {
    throw new CredentialDecryptError(
      "credential ciphertext failed authentication (tampered, wrong key or wrong context)",
    );
  }
}

/** True when the value was encrypted under a key other than the current one (rotate it). */
export function needsReencrypt(token: string, options: Pick<CryptoOptions, "keyring"> = {}): boolean {
  const ring = options.keyring ?? defaultKeyring();
  return split(token).kid !== ring.current;
}

/** Decrypts with whichever key it used and encrypts under the current key. */
export function reencrypt(token: string, options: CryptoOptions = {}): string {
  return encryptJson(decryptJson(token, options), options);
}
