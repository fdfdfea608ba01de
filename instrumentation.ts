// Next.js calls register() once when the server process starts: start the job runner there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Build workers must never open the database (PGlite allows one process per directory).
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Fail fast, naming every missing or invalid variable.
  const { parseServerEnv } = await import("@/lib/env/schema");
  parseServerEnv(process.env);
  // Refuses the Stripe emulator in production or beside a live key, before serving anything.
  const { resolveStripeMode } = await import("@/lib/stripe/client");
  resolveStripeMode();
  // An in-memory database is migrated in process; wait for it before serving.
  const { getDatabase } = await import("@/lib/db/client");
  await getDatabase().ready;
  if (process.env.JOBS_ENABLED === "0" || process.env.JOBS_ENABLED === "false") return;
  const { startJobRunner } = await import("@/lib/jobs/runner");
  const { jobDefinitions } = await import("@/lib/jobs/definitions");
  await startJobRunner(jobDefinitions);
}
