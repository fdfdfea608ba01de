// Readiness as a load balancer should read it: "can this instance do its job right now?".
// Fails (503) when the database is unreachable, the schema or a migration is missing, or the job
// queue cannot be reached. Platform-wide conditions — a stalled queue, callback lag, Stripe
// unreachable — are reported as warnings and never take instances out of rotation: every instance
// would fail together and the site would go down for a problem that restarting does not fix.
import { env } from "@/lib/env/server";
import { databaseHealth, type DatabaseHealth } from "./database";
import {
  callbackOutboxHealth,
  queueHealth,
  stripeHealth,
  type OutboxHealth,
  type QueueHealth,
  type StripeHealth,
} from "./checks";

/** Oldest due job or callback older than this is a warning (the runner polls every second or so). */
export const LAG_WARNING_SECONDS = 120;

export type Readiness = {
  ready: boolean;
  reason?: string;
  database: DatabaseHealth;
  queue: QueueHealth;
  callbacks: OutboxHealth;
  stripe: StripeHealth;
  warnings: string[];
};

export async function readiness(): Promise<Readiness> {
  const [database, queue, callbacks, stripe] = await Promise.all([
    databaseHealth({ migrations: true }),
    queueHealth(),
    callbackOutboxHealth(),
    stripeHealth(),
  ]);
  const warnings: string[] = [];
  let reason: string | undefined;
  if (!database.ok) reason = database.reason;
  else if (database.pendingMigrations.length) reason = "migrations_pending";
  else if (!queue.ok) {
    // An instance that runs no jobs itself can serve requests while the queue is not created yet.
    if (queue.reason === "queue_missing" && !env().JOBS_ENABLED) warnings.push("queue_missing");
    else reason = queue.reason;
  }
  if (queue.ok && (queue.oldestWaitingSeconds ?? 0) > LAG_WARNING_SECONDS) warnings.push("queue_lagging");
  if (!callbacks.ok) warnings.push(callbacks.reason);
  else if ((callbacks.oldestDueSeconds ?? 0) > LAG_WARNING_SECONDS) warnings.push("callbacks_lagging");
  if (!stripe.ok) warnings.push(stripe.reason ?? "stripe_error");
  return { ready: !reason, ...(reason ? { reason } : {}), database, queue, callbacks, stripe, warnings };
}
