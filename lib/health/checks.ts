// What readiness and the configuration audit check beyond the database: the job queue (pg-boss),
// the store-callback outbox and Stripe. Each check answers within a bounded time and never throws.
import Stripe from "stripe";
import { getDatabase, type Database } from "@/lib/db/client";
import { resolveStripeMode, getStripe } from "@/lib/stripe/client";

export type QueueHealth =
  | { ok: true; waiting: number; oldestWaitingSeconds: number | null }
  | { ok: false; reason: "queue_unreachable" | "queue_missing" };

/** Jobs due and not yet picked up, and how long the oldest has waited: a stalled runner shows here. */
export async function queueHealth(db: Database = getDatabase()): Promise<QueueHealth> {
  try {
    await db.ready;
    const present = await db.sql.query<{ present: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS present");
    if (!present[0]?.present) return { ok: false, reason: "queue_missing" };
    const rows = await db.sql.query<{ waiting: string | number; oldest: number | string | null }>(
      `SELECT count(*) AS waiting,
              EXTRACT(EPOCH FROM (now() - min(start_after)))::float8 AS oldest
         FROM pgboss.job
        WHERE state = 'created' AND start_after <= now()`,
    );
    const oldest = rows[0]?.oldest;
    return {
      ok: true,
      waiting: Number(rows[0]?.waiting ?? 0),
      oldestWaitingSeconds: oldest === null || oldest === undefined ? null : Math.max(0, Math.round(Number(oldest))),
    };
  } catch {
    return { ok: false, reason: "queue_unreachable" };
  }
}

export type OutboxHealth =
  | { ok: true; due: number; oldestDueSeconds: number | null }
  | { ok: false; reason: "outbox_unreachable" };

/** Store callbacks due for delivery and the lag of the oldest one (payment → first attempt). */
export async function callbackOutboxHealth(db: Database = getDatabase()): Promise<OutboxHealth> {
  try {
    await db.ready;
    const rows = await db.sql.query<{ due: string | number; oldest: number | string | null }>(
      `SELECT count(*) AS due,
              EXTRACT(EPOCH FROM (now() - min("nextAttemptAt")))::float8 AS oldest
         FROM "CallbackDelivery"
        WHERE status IN ('PENDING', 'DELIVERING') AND "nextAttemptAt" <= now()`,
    );
    const oldest = rows[0]?.oldest;
    return {
      ok: true,
      due: Number(rows[0]?.due ?? 0),
      oldestDueSeconds: oldest === null || oldest === undefined ? null : Math.max(0, Math.round(Number(oldest))),
    };
  } catch {
    return { ok: false, reason: "outbox_unreachable" };
  }
}

export type StripeHealth = {
  ok: boolean;
  /** emulator | test | live */
  mode: "emulator" | "test" | "live";
  checkedAt: string;
  latencyMs: number | null;
  /** A stable reason when not ok: stripe_unreachable | stripe_auth_failed | stripe_error. */
  reason?: string;
};

const STRIPE_CACHE_MS = 30_000;
const g = globalThis as unknown as { __vitrineStripeHealth?: { at: number; value: Promise<StripeHealth> } };

function stripeModeLabel(): StripeHealth["mode"] {
  const mode = resolveStripeMode();
  if (mode.kind === "emulator") return "emulator";
  return /^(sk|rk)_live_/.test(mode.secretKey) ? "live" : "test";
}

async function probeStripe(timeoutMs: number): Promise<StripeHealth> {
  const started = Date.now();
  const checkedAt = new Date().toISOString();
  let mode: StripeHealth["mode"];
  try {
    mode = stripeModeLabel();
  } catch {
    return { ok: false, mode: "live", checkedAt, latencyMs: null, reason: "stripe_misconfigured" };
  }
  try {
    await Promise.race([
      getStripe().balance.retrieve(undefined, { timeout: timeoutMs, maxNetworkRetries: 0 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return { ok: true, mode, checkedAt, latencyMs: Date.now() - started };
  } catch (err) {
    const reason =
      err instanceof Stripe.errors.StripeAuthenticationError || err instanceof Stripe.errors.StripePermissionError
        ? "stripe_auth_failed"
        : err instanceof Stripe.errors.StripeConnectionError || (err as Error)?.message === "timeout"
          ? "stripe_unreachable"
          : "stripe_error";
    return { ok: false, mode, checkedAt, latencyMs: null, reason };
  }
}

/**
 * Stripe reachability, cached for 30 s so a health probe every few seconds costs one call per
 * half minute, and a slow Stripe never slows the probe down by more than the timeout.
 */
export function stripeHealth(opts: { fresh?: boolean; timeoutMs?: number } = {}): Promise<StripeHealth> {
  const now = Date.now();
  const cached = g.__vitrineStripeHealth;
  if (!opts.fresh && cached && now - cached.at < STRIPE_CACHE_MS) return cached.value;
  const value = probeStripe(opts.timeoutMs ?? 3_000);
  g.__vitrineStripeHealth = { at: now, value };
  return value;
}
