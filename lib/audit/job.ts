// The audit jobs: anchor every chain head into the platform chain, then re-verify every chain.
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { anchorChainHeads } from "./anchor";
import { verifyAuditChain } from "./log";

/** Logs the anchor's hash: the log is a witness kept outside the database. */
async function anchor() {
  const result = await anchorChainHeads();
  if (result.anchored)
    logger.info(
      { chains: result.chains, seq: result.seq?.toString(), hash: result.hash },
      "audit chain heads anchored",
    );
}

/** Every 10 minutes: the window in which a store chain's tail is protected only by its head row. */
export const auditAnchorJob: JobDefinition = {
  name: "audit.anchor-heads",
  cron: "*/10 * * * *",
  policy: "singleton",
  retryLimit: 3,
  retryDelaySeconds: 30,
  handle: anchor,
};

export const auditVerifyJob: JobDefinition = {
  name: "audit.verify-chain",
  cron: "17 * * * *",
  policy: "singleton",
  retryLimit: 3,
  retryDelaySeconds: 30,
  async handle() {
    // Anchoring here too keeps anchors flowing where only this job is registered.
    await anchor();
    const report = await verifyAuditChain();
    if (report.ok) logger.info({ checked: report.checked, chains: report.chains }, "audit chains verified");
    else logger.error({ report }, "AUDIT CHAIN BROKEN");
  },
};
