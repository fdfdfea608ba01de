// The usage.rollup job: every minute, one run at a time across every app instance.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { runUsageRollup } from "./rollup";

export const USAGE_ROLLUP_JOB = "usage.rollup";

export const usageRollupJob: JobDefinition = {
  name: USAGE_ROLLUP_JOB,
  cron: "* * * * *",
  policy: "singleton",
  retryLimit: 1,
  retryDelaySeconds: 10,
  async handle() {
    const report = await runUsageRollup();
    if (report.evaluated || report.failed) logger.info(report, "usage rollup");
    // A store whose evaluation failed is retried by the next run; failing the job would redo the whole recount.
  },
};
