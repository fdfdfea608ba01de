// The `notifications.send` job: once a minute, sweeping every 10 s while it runs (singleton: one
// sweeper across instances; the row claims would keep two from sending one row anyway). Each run
// first turns new usage alerts into notifications, then sends what is due.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { NOTIFICATIONS_SEND_JOB, SEND_BATCH, SWEEP_EVERY_SECONDS, SWEEPS_PER_RUN } from "./config";
import { sendDueNotifications } from "./send";
import { notifyUsageAlerts } from "./usage-alerts";

const MAX_BATCHES_PER_SWEEP = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sweep(): Promise<void> {
  for (let i = 0; i < MAX_BATCHES_PER_SWEEP; i++) {
    const report = await sendDueNotifications();
    if (report.claimed > 0) logger.info({ ...report }, "notifications sent");
    if (report.claimed < SEND_BATCH) break;
  }
}

export const notificationsSendJob: JobDefinition = {
  name: NOTIFICATIONS_SEND_JOB,
  cron: "* * * * *",
  policy: "singleton",
  retryLimit: 1,
  retryDelaySeconds: 5,
  async handle() {
    await notifyUsageAlerts().catch((err) => logger.warn({ err }, "usage alerts step failed"));
    for (let i = 0; i < SWEEPS_PER_RUN; i++) {
      const started = Date.now();
      await sweep();
      if (i < SWEEPS_PER_RUN - 1) await sleep(Math.max(0, SWEEP_EVERY_SECONDS * 1000 - (Date.now() - started)));
    }
  },
};
