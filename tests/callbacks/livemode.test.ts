// livemode in every callback body says whether the platform moves real money (a live Stripe key).
import { afterEach, describe, expect, it } from "vitest";
import { buildStoreEvent } from "@/lib/callbacks/enqueue";
import { testPaymentSucceeded } from "@/lib/callbacks/contract";

const saved = { key: process.env.STRIPE_SECRET_KEY, emulator: process.env.STRIPE_EMULATOR };
afterEach(() => {
  process.env.STRIPE_SECRET_KEY = saved.key;
  process.env.STRIPE_EMULATOR = saved.emulator;
  if (saved.key === undefined) delete process.env.STRIPE_SECRET_KEY;
  if (saved.emulator === undefined) delete process.env.STRIPE_EMULATOR;
});

const body = () =>
  buildStoreEvent({ ...testPaymentSucceeded({ id: "store_1", currency: "BRL" }), sourceKey: "test:1" });

describe("callback livemode", () => {
  it("is true with a live Stripe key", () => {
    process.env.STRIPE_SECRET_KEY = "sk_live_123";
    delete process.env.STRIPE_EMULATOR;
    expect(body().livemode).toBe(true);
  });

  it("is false with a test key and in the demo (emulator)", () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_123";
    delete process.env.STRIPE_EMULATOR;
    expect(body().livemode).toBe(false);
    delete process.env.STRIPE_SECRET_KEY;
    expect(body().livemode).toBe(false);
  });
});
