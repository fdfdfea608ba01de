// The hourly re-verification of the audit chain.
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { verifyAuditChain } from "./log";

export const auditVerifyJob: JobDefinition = {
  name: "audit.verify-chain",
  cron: "17 * * * *",
  retryLimit: 3,
  retryDelaySeconds: 30,
  async handle() {
    const report = await verifyAuditChain();
    if (report.ok) logger.info({ checked: report.checked }, "audit chain verified");
    else logger.error({ report }, "AUDIT CHAIN BROKEN");
  },
};
