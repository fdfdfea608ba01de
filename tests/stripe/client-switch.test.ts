import { describe, expect, it } from "vitest";
import { resolveStripeMode, StripeConfigError } from "@/lib/stripe/client";

describe("the one Stripe switch", () => {
  it("uses the emulator with no key, or when forced with a test key", () => {
    expect(resolveStripeMode({})).toMatchObject({
      kind: "emulator",
      secretKey: "sk_test_emulator",
      publishableKey: "pk_test_emulator",
      emulatorUrl: "http://127.0.0.1:12111",
    });
    expect(
      resolveStripeMode({
        STRIPE_SECRET_KEY: "sk_test_123",
        STRIPE_EMULATOR: "1",
        STRIPE_EMULATOR_URL: "http://127.0.0.1:9999",
      }),
    ).toMatchObject({ kind: "emulator", emulatorUrl: "http://127.0.0.1:9999" });
  });

  it("uses real Stripe with a key", () => {
    expect(resolveStripeMode({ STRIPE_SECRET_KEY: "sk_test_123", STRIPE_PUBLISHABLE_KEY: "pk_test_123" })).toEqual({
      kind: "stripe",
      secretKey: "sk_test_123",
      publishableKey: "pk_test_123",
    });
  });

  it("refuses the emulator with a live key or in production", () => {
    expect(() => resolveStripeMode({ STRIPE_SECRET_KEY: "sk_live_123", STRIPE_EMULATOR: "1" })).toThrow(
      StripeConfigError,
    );
    expect(() => resolveStripeMode({ APP_ENV: "production" })).toThrow(/APP_ENV=production/);
    expect(resolveStripeMode({ APP_ENV: "production", STRIPE_SECRET_KEY: "sk_live_123" }).kind).toBe("stripe");
  });
});
