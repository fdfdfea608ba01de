// One pg-boss job runner per process, on the same database as the app: PostgreSQL by connection
// string, or the very PGlite instance the app uses (never a second instance on its directory).
import { PgBoss, fromPglite, type Job } from "pg-boss";
import { getDatabase, type Database } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export type JobDefinition<T extends object = object> = {
  name: string;
  /** Attempts after the first failure, with exponential backoff starting at retryDelaySeconds. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Cron expression (5 or 6 fields); the job is enqueued on that schedule. */
  cron?: string;
  /** "singleton": at most one job of this queue runs at a time, across every app instance. */
  policy?: "singleton";
  handle: (data: T, job: Job<T>) => Promise<void>;
};

type RunnerState = { boss: PgBoss; started: Promise<void>; definitions: Map<string, JobDefinition> };
const g = globalThis as unknown as { __vitrineJobs?: RunnerState };

function createBoss(db: Database, fast: boolean): PgBoss {
  const timing = fast
    ? { cronWorkerIntervalSeconds: 1, cronMonitorIntervalSeconds: 1, clockMonitorIntervalSeconds: 1 }
    : {};
  const options =
    db.kind === "pglite"
      ? { db: fromPglite(db.pglite!), backend: "pglite" as const, ...timing }
      : { connectionString: db.url!, max: 4, ...timing };
  const boss = new PgBoss(options);
  boss.on("error", (err) => logger.error({ err }, "job runner error"));
  return boss;
}

/** Starts the runner with these job definitions (idempotent per process). */
export function startJobRunner(
  definitions: JobDefinition[],
  opts: { db?: Database; fastTimers?: boolean } = {},
): Promise<PgBoss> {
  if (g.__vitrineJobs) return g.__vitrineJobs.started.then(() => g.__vitrineJobs!.boss);
  const db = opts.db ?? getDatabase();
  const boss = createBoss(db, opts.fastTimers ?? false);
  const state: RunnerState = {
    boss,
    definitions: new Map(definitions.map((d) => [d.name, d as JobDefinition])),
    started: Promise.resolve(),
  };
  state.started = (async () => {
    await db.ready;
    await boss.start();
    for (const def of definitions) await register(boss, def as JobDefinition);
    logger.info({ jobs: definitions.map((d) => d.name), database: db.kind }, "job runner started");
  })();
  g.__vitrineJobs = state;
  return state.started.then(() => boss);
}

async function register(boss: PgBoss, def: JobDefinition) {
  await boss.createQueue(def.name, {
    retryLimit: def.retryLimit ?? 5,
    retryDelay: def.retryDelaySeconds ?? 5,
    retryBackoff: true,
    ...(def.policy ? { policy: def.policy } : {}),
  });
  await boss.work(def.name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      const log = logger.child({ job: def.name, jobId: job.id });
      try {
        // A cron run carries no data (null): every handler gets an object.
        await def.handle((job.data ?? {}) as object, job as Job<object>);
      } catch (err) {
        log.warn({ err }, "job failed; pg-boss will retry with backoff");
        throw err;
      }
    }
  });
  if (def.cron) await boss.schedule(def.name, def.cron);
}

export async function enqueue<T extends object>(
  name: string,
  data: T,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
) {
  const state = g.__vitrineJobs;
  if (!state) throw new Error("Job runner not started");
  await state.started;
  return state.boss.send(name, data, { singletonKey: options.singletonKey, startAfter: options.startAfterSeconds });
}

export async function stopJobRunner() {
  const state = g.__vitrineJobs;
  g.__vitrineJobs = undefined;
  if (state) {
    await state.started.catch(() => undefined);
    await state.boss.stop({ graceful: false });
  }
}
