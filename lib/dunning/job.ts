// The `dunning.advance` job: every minute (and when a new case is opened), one run at a time across
// every app instance. Register it in instrumentation.ts's startJobRunner list.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { advanceDueCases } from "./advance";
import { DUNNING_JOB } from "./names";

export const dunningJob: JobDefinition = {
  name: DUNNING_JOB,
  cron: "* * * * *",
  policy: "singleton",
  retryLimit: 2,
  retryDelaySeconds: 10,
  async handle() {
    const report = await advanceDueCases();
    if (report.settled || report.reminders || report.downgraded || report.ended || report.failed)
      logger.info({ report }, "dunning: cases advanced");
  },
};
