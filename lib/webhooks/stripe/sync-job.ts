import type { JobDefinition } from "@/lib/jobs/runner";
import { syncSettings, syncStripeEvents } from "./sync";

const settings = syncSettings();

/** The Stripe recovery sync on its schedule; one run at a time however many app servers run it. */
export const stripeSyncJob: JobDefinition | null = settings.enabled
  ? {
      name: "stripe.sync-events",
      cron: `*/${Math.min(59, Math.max(1, Math.round(settings.intervalMinutes)))} * * * *`,
      policy: "singleton",
      retryLimit: 2,
      retryDelaySeconds: 60,
      async handle() {
        await syncStripeEvents();
      },
    }
  : null;
