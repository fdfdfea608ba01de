// Every background job of the app. Later capabilities add their own (webhook deliveries, syncs).
import { verifyAuditChain } from "@/lib/audit/log";
import { logger } from "@/lib/log/logger";
import { callbacksDeliverJob } from "@/lib/notifications/job";
import { pixReconcileJob } from "@/lib/pix/service/reconciler";
import { stripeSyncJob } from "@/lib/webhooks/stripe/sync-job";
import type { JobDefinition } from "./runner";

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

export const jobDefinitions: JobDefinition[] = [auditVerifyJob, callbacksDeliverJob, pixReconcileJob, ...(stripeSyncJob ? [stripeSyncJob] : [])];
