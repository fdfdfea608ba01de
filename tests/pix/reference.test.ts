import { describe, expect, it } from "vitest";
import { isBcbTxid, isPixReference, newPixReference, newRefundId } from "@/lib/pix/reference";

describe("references", () => {
  it("are vtr + 29 base62 characters, unique, URL-safe and valid BCB txids", () => {
    const refs = Array.from({ length: 20_000 }, newPixReference);
    expect(new Set(refs).size).toBe(refs.length);
    for (const r of refs) {
      if (!/^vtr[A-Za-z0-9]{29}$/.test(r) || !isBcbTxid(r) || !isPixReference(r) || encodeURIComponent(r) !== r)
        throw new Error(`bad reference ${r}`);
    }
    // Every base62 character shows up: the alphabet is not accidentally truncated.
    expect(new Set(refs.map((r) => r.slice(3)).join("")).size).toBe(62);
  });

  it("tells txids and references apart from look-alikes", () => {
    expect(isBcbTxid("a".repeat(25))).toBe(false);
    expect(isBcbTxid("a".repeat(36))).toBe(false);
    expect(isBcbTxid("vtr_" + "a".repeat(28))).toBe(false);
    expect(isPixReference("vtr" + "a".repeat(28))).toBe(false);
    expect(newRefundId()).toMatch(/^[a-zA-Z0-9]{1,35}$/);
  });
});
