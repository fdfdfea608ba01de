// Next.js calls register() once when the server process starts: check the configuration, then
// start the job runner.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Build workers must never open the database (PGlite allows one process per directory).
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Fail fast, naming every missing or invalid variable (in production: everything it needs, see
  // docs/operations.md "Production checklist"). The launcher checked the same schema before migrating.
  const { env } = await import("@/lib/env/server");
  const config = env();
  // Production runs behind scripts/server.mjs: nothing else establishes a request's client address.
  const { assertAppServerInProduction } = await import("@/lib/request/client-address");
  assertAppServerInProduction(config.APP_ENV);
  // Refuses the Stripe emulator in production or beside a live key, before serving anything.
  const { resolveStripeMode } = await import("@/lib/stripe/client");
  resolveStripeMode();
  // An in-memory database is migrated in process; wait for it before serving.
  const { getDatabase } = await import("@/lib/db/client");
  await getDatabase().ready;
  if (!config.JOBS_ENABLED) return;
  // Each domain owns its jobs; the app composes them here, so lib/jobs never imports a domain.
  const [
    { startJobRunner },
    { auditVerifyJob, auditAnchorJob },
    { callbacksDeliverJob },
    { pixReconcileJob },
    { stripeSyncJob },
    { usageRollupJob },
    { couponsReleaseStaleJob },
    { invoicesIssueJob },
    { notificationsSendJob },
    { dunningJob },
    { ordersExpireAbandonedJob },
    { invoiceNoticesJob },
  ] = await Promise.all([
    import("@/lib/jobs/runner"),
    import("@/lib/audit/job"),
    import("@/lib/callbacks/job"),
    import("@/lib/pix/service/reconciler"),
    import("@/lib/webhooks/stripe/sync-job"),
    import("@/lib/usage/job"),
    import("@/lib/coupons/job"),
    import("@/lib/invoices/job"),
    import("@/lib/notifications/job"),
    import("@/lib/dunning/job"),
    import("@/lib/checkout/expire-abandoned"),
    import("@/lib/notifications/invoice-notices"),
  ]);
  await startJobRunner([
    auditVerifyJob,
    auditAnchorJob,
    callbacksDeliverJob,
    pixReconcileJob,
    ...(stripeSyncJob ? [stripeSyncJob] : []),
    usageRollupJob,
    couponsReleaseStaleJob,
    invoicesIssueJob,
    notificationsSendJob,
    dunningJob,
    ordersExpireAbandonedJob,
    invoiceNoticesJob,
  ]);
}
