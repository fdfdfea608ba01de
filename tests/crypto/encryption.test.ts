import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CredentialDecryptError,
  CredentialKeyError,
  decryptJson,
  encryptJson,
  loadKeyring,
  needsReencrypt,
  reencrypt,
} from "@/lib/crypto/encryption";

const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64");
const SECRET = { client_id: "abc", client_secret: "s3cr3t-value-123", nested: { n: 1 } };

afterEach(() => vi.unstubAllEnvs());

describe("credential encryption", () => {
  it("round-trips JSON in the v1.<kid>.<iv>.<tag>.<data> format, fresh IV each time", () => {
    const ring = loadKeyring({ ENCRYPTION_KEYS: `k1:${K1}` });
    const a = encryptJson(SECRET, { keyring: ring });
    const b = encryptJson(SECRET, { keyring: ring });
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cr3t");
    expect(decryptJson(a, { keyring: ring })).toEqual(SECRET);
  });

  it("rotates: k1 ciphertext still decrypts after k2 becomes current, needs re-encryption, and re-encrypts under k2", () => {
    const before = loadKeyring({ ENCRYPTION_KEYS: `k1:${K1}` });
    const old = encryptJson(SECRET, { keyring: before });
    const after = loadKeyring({ ENCRYPTION_KEYS: `k2:${K2},k1:${K1}` });
    expect(after.current).toBe("k2");
    expect(decryptJson(old, { keyring: after })).toEqual(SECRET);
    expect(needsReencrypt(old, { keyring: after })).toBe(true);
    const fresh = reencrypt(old, { keyring: after });
    expect(fresh.split(".")[1]).toBe("k2");
    expect(needsReencrypt(fresh, { keyring: after })).toBe(false);
    expect(decryptJson(fresh, { keyring: loadKeyring({ ENCRYPTION_KEYS: `k2:${K2}` }) })).toEqual(SECRET);
    // Once k1 is retired, its ciphertexts are refused with a message naming the key.
    expect(() => decryptJson(old, { keyring: loadKeyring({ ENCRYPTION_KEYS: `k2:${K2}` }) })).toThrow(/"k1"/);
  });

  it("rejects tampering in any part, a swapped key id and a different context", () => {
    const ring = loadKeyring({ ENCRYPTION_KEYS: `k2:${K2},k1:${K1}` });
    const token = encryptJson(SECRET, { keyring: ring, context: "gateway:cfg_1" });
    expect(decryptJson(token, { keyring: ring, context: "gateway:cfg_1" })).toEqual(SECRET);
    const parts = token.split(".");
    for (const i of [2, 3, 4]) {
      const flipped = [...parts];
      const buf = Buffer.from(flipped[i], "base64url");
      buf[0] ^= 1;
      flipped[i] = buf.toString("base64url");
      expect(() => decryptJson(flipped.join("."), { keyring: ring, context: "gateway:cfg_1" })).toThrow(
        CredentialDecryptError,
      );
    }
    expect(() =>
      decryptJson(["v1", "k1", ...parts.slice(2)].join("."), { keyring: ring, context: "gateway:cfg_1" }),
    ).toThrow(CredentialDecryptError);
    expect(() => decryptJson(token, { keyring: ring, context: "gateway:cfg_2" })).toThrow(CredentialDecryptError);
    expect(() => decryptJson("v2.k2.a.b.c", { keyring: ring })).toThrow(/v1/);
    expect(() => decryptJson("garbage", { keyring: ring })).toThrow(CredentialDecryptError);
  });

  it("explains missing or bad keys", () => {
    expect(() => loadKeyring({ APP_ENV: "production" })).toThrow(CredentialKeyError);
    expect(() => loadKeyring({ APP_ENV: "production" })).toThrow(/ENCRYPTION_KEY/);
    expect(() => loadKeyring({ ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
    expect(() => loadKeyring({ ENCRYPTION_KEYS: K1 })).toThrow(/k2:<base64>/);
    expect(() => loadKeyring({ ENCRYPTION_KEYS: `k1:${K1},k1:${K2}` })).toThrow(/twice/);
    expect(() => loadKeyring({ ENCRYPTION_KEYS: `bad.id:${K1}` })).toThrow(/key id/);
    expect(loadKeyring({ ENCRYPTION_KEY: K1 }).current).toBe("k1");
  });

  it("uses a fixed demo key outside production when none is set, and reads the environment by default", () => {
    const demo = loadKeyring({ APP_ENV: "development" });
    expect(demo.current).toBe("dev");
    expect(decryptJson(encryptJson(SECRET, { keyring: demo }), { keyring: loadKeyring({}) })).toEqual(SECRET);
    vi.stubEnv("ENCRYPTION_KEYS", `k9:${K1}`);
    const token = encryptJson(SECRET);
    expect(token.split(".")[1]).toBe("k9");
    vi.stubEnv("ENCRYPTION_KEYS", `k10:${K2},k9:${K1}`);
    expect(needsReencrypt(token)).toBe(true);
    expect(decryptJson(token)).toEqual(SECRET);
  });
});
