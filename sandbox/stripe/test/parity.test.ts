// The same scenarios against the emulator and, when STRIPE_SECRET_KEY=sk_test_… is set, against real Stripe test mode.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, it } from "vitest";
import { SCENARIOS } from "./scenarios";
import { startTestEmulator, type TestEmulator } from "./support";

const realKey = process.env.STRIPE_SECRET_KEY;
const hasRealKey = !!realKey?.startsWith("sk_test_");
if (!hasRealKey)
  console.info(
    "[parity] Real Stripe parity suite skipped: set STRIPE_SECRET_KEY=sk_test_… (test mode only) to run it.",
  );

describe("scenarios against the emulator", () => {
  let em: TestEmulator;
  beforeAll(async () => {
    em = await startTestEmulator();
  });
  afterAll(() => em.close());
  for (const [name, run] of Object.entries(SCENARIOS)) it(name, () => run(em.stripe));
});

describe.skipIf(!hasRealKey)("parity: the same scenarios against real Stripe test mode", () => {
  const stripe = new Stripe(realKey ?? "sk_test_unset", { maxNetworkRetries: 1 });
  for (const [name, run] of Object.entries(SCENARIOS)) it(name, () => run(stripe), 60_000);
});
