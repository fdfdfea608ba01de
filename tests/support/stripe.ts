// The Stripe emulator in process for a test file; the app's getStripe() is pointed at it.
import { afterAll, beforeAll } from "vitest";
import Stripe from "stripe";
import { startEmulator, type RunningEmulator } from "@/sandbox/stripe/index";
import { emulatorControls, type EmulatorControls } from "@/sandbox/stripe/controls";

export type TestStripe = {
  emulator: RunningEmulator;
  controls: EmulatorControls;
  stripe: Stripe;
  completeOnboarding(linkUrl: string, action?: "complete" | "leave_due"): Promise<string | null>;
};

type Hook = { url: string; secret: string; connect: boolean };

export function useStripeEmulator(opts: { webhooks?: Hook[] | (() => Hook[]) } = {}): () => TestStripe {
  let ctx: TestStripe | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator({
      port: 0,
      log: () => {},
      webhooks: typeof opts.webhooks === "function" ? opts.webhooks() : opts.webhooks,
      webhookRetryScheduleMs: [100, 200, 400],
    });
    delete process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_EMULATOR_URL = emulator.url;
    const stripe = new Stripe("sk_test_emulator", {
      host: "127.0.0.1",
      port: emulator.port,
      protocol: "http",
      maxNetworkRetries: 0,
    });
    ctx = {
      emulator,
      controls: emulatorControls(emulator.url),
      stripe,
      // Submits the emulator's hosted onboarding form, as a seller clicking the button would.
      async completeOnboarding(linkUrl, action = "complete") {
        const res = await fetch(linkUrl, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            action,
            business_name: "Test",
            first_name: "Jenny",
            last_name: "Rosen",
          }).toString(),
          redirect: "manual",
        });
        return res.headers.get("location");
      },
    };
  });
  afterAll(async () => {
    await ctx?.emulator.close();
  });
  return () => ctx!;
}
