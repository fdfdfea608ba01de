// The SSRF guard (stubbed DNS for every refused range, the allow-list) and the retry schedule.
import { describe, expect, it } from "vitest";
import { checkCallbackUrl, guardedLookup, isPublicAddress, type Resolver } from "@/lib/callbacks/ssrf";
import { parseRetryAfter, retryDelaySeconds, classifyStatus } from "@/lib/callbacks/schedule";

const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const none = new Set<string>();

describe("SSRF guard", () => {
  it.each([
    ["loopback", "127.0.0.1"],
    ["loopback /8", "127.10.0.3"],
    ["private 10/8", "10.1.2.3"],
    ["private 172.16/12", "172.31.255.1"],
    ["private 192.168/16", "192.168.0.10"],
    ["link-local / metadata", "169.254.169.254"],
    ["CGNAT 100.64/10", "100.100.1.1"],
    ["unspecified", "0.0.0.0"],
    ["multicast", "224.0.0.251"],
    ["broadcast", "255.255.255.255"],
    ["IPv6 loopback", "::1"],
    ["IPv6 unspecified", "::"],
    ["ULA fc00::/7", "fd12:3456::1"],
    ["IPv6 link-local", "fe80::1"],
    ["IPv6 multicast", "ff02::1"],
    ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
    ["IPv4-mapped private (hex)", "::ffff:a00:1"],
    ["NAT64 metadata", "64:ff9b::a9fe:a9fe"],
  ])("refuses a host resolving to %s (%s)", async (_label, address) => {
    expect(isPublicAddress(address)).toBe(false);
    const check = await checkCallbackUrl("https://shop.example.com/payments/events/", {
      resolve: resolvesTo(address),
      allowedHosts: none,
    });
    expect(check).toMatchObject({ ok: false });
  });

  it("accepts public addresses and refuses a host when ANY of its addresses is internal", async () => {
    for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "172.32.0.1", "100.128.0.1"])
      expect(isPublicAddress(ip)).toBe(true);
    expect(
      await checkCallbackUrl("https://shop.example.com/x", {
        resolve: resolvesTo("93.184.216.34", "2606:4700::1111"),
        allowedHosts: none,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await checkCallbackUrl("https://shop.example.com/x", {
        resolve: resolvesTo("93.184.216.34", "10.0.0.1"),
        allowedHosts: none,
      }),
    ).toMatchObject({ ok: false });
  });

  it("checks IP literals (any notation) without DNS and refuses other schemes, credentials and unresolvable hosts", async () => {
    const failDns: Resolver = async () => {
      throw new Error("no DNS in this test");
    };
    for (const url of [
      "http://127.0.0.1/",
      "http://2130706433/",
      "http://0x7f.1/",
      "http://[::1]:8080/",
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      expect(await checkCallbackUrl(url, { resolve: failDns, allowedHosts: none }), url).toMatchObject({ ok: false });
    }
    expect(await checkCallbackUrl("http://93.184.216.34/", { resolve: failDns, allowedHosts: none })).toMatchObject({
      ok: true,
    });
    expect(
      await checkCallbackUrl("ftp://shop.example.com/", { resolve: resolvesTo("93.184.216.34"), allowedHosts: none }),
    ).toMatchObject({ ok: false });
    expect(
      await checkCallbackUrl("https://user:pw@shop.example.com/", {
        resolve: resolvesTo("93.184.216.34"),
        allowedHosts: none,
      }),
    ).toMatchObject({ ok: false });
    expect(await checkCallbackUrl("https://nowhere.invalid/", { resolve: failDns, allowedHosts: none })).toMatchObject({
      ok: false,
      reason: "nowhere.invalid does not resolve",
    });
    expect(await checkCallbackUrl("not a url", { allowedHosts: none })).toMatchObject({ ok: false });
  });

  it("lets allow-listed hosts through (the demo and tests) and reads CALLBACK_ALLOWED_HOSTS by default", async () => {
    const allowed = new Set(["localhost", "127.0.0.1"]);
    expect(await checkCallbackUrl("http://127.0.0.1:4000/hook", { allowedHosts: allowed })).toMatchObject({ ok: true });
    expect(
      await checkCallbackUrl("http://LOCALHOST:4000/hook", { allowedHosts: allowed, resolve: resolvesTo("127.0.0.1") }),
    ).toMatchObject({ ok: true });
    expect(await checkCallbackUrl("http://10.0.0.1/", { allowedHosts: allowed })).toMatchObject({ ok: false });
    const saved = process.env.CALLBACK_ALLOWED_HOSTS;
    try {
      process.env.CALLBACK_ALLOWED_HOSTS = "";
      expect(await checkCallbackUrl("http://127.0.0.1:4000/hook")).toMatchObject({ ok: false });
      process.env.CALLBACK_ALLOWED_HOSTS = " Hooks.Internal , 127.0.0.1";
      expect(await checkCallbackUrl("http://127.0.0.1:4000/hook")).toMatchObject({ ok: true });
      expect(await checkCallbackUrl("http://hooks.internal/", { resolve: resolvesTo("10.0.0.9") })).toMatchObject({
        ok: true,
      });
    } finally {
      process.env.CALLBACK_ALLOWED_HOSTS = saved;
    }
  });

  it("refuses at connection time when DNS now answers with an internal address (rebinding)", async () => {
    const lookup = guardedLookup(resolvesTo("10.0.0.7"));
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup("shop.example.com", { all: true }, (e) => resolve(e)),
    );
    expect(err?.code).toBe("ENOTPUBLIC");
    const ok = await new Promise<unknown>((resolve) =>
      guardedLookup(resolvesTo("93.184.216.34"))("shop.example.com", {}, (e, address) => resolve(e ?? address)),
    );
    expect(ok).toBe("93.184.216.34");
  });
});

describe("retry schedule", () => {
  it("follows ≈ immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 24 h, then gives up", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelaySeconds(n, mid))).toEqual([
      5, 300, 1_800, 7_200, 18_000, 36_000, 36_000, 86_400,
    ]);
    expect(retryDelaySeconds(9, mid)).toBeNull();
    expect(retryDelaySeconds(2, () => 0)).toBe(270);
    expect(retryDelaySeconds(2, () => 0.999)).toBeLessThanOrEqual(330);
  });

  it("reads Retry-After as seconds or an HTTP date, clamped to 24 h", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Sun, 22 Nov 2026 12:10:00 GMT", now)).toBe(600);
    expect(parseRetryAfter("0", now)).toBe(1);
    expect(parseRetryAfter("999999", now)).toBe(86_400);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("treats 2xx as delivered, 410 as gone and everything else as retryable", () => {
    expect([200, 204, 299].map(classifyStatus)).toEqual(["success", "success", "success"]);
    expect(classifyStatus(410)).toBe("gone");
    expect([301, 400, 404, 429, 500, 503, null].map(classifyStatus)).toEqual(Array(7).fill("retryable"));
  });
});
