// The continuous delivery pump: claims due rows whenever it has room, sends them without waiting
// for the batch's slowest store, and writes outcomes in small batches as they come back. A kick in
// this process (kickDeliveries after a commit) wakes it at once, so a payment's first attempt does
// not wait for a job poll. One pump per process; several processes share the outbox safely
// (claims are SKIP LOCKED and the per-endpoint cap is counted in the database).
import "server-only";
import { logger } from "@/lib/log/logger";
import { claimDue } from "./claim";
import { callbackEnv, PUMP_BATCH, PUMP_CONCURRENCY } from "./config";
import { type DeliverReport, sendClaimed } from "./deliver";
import { type Finished, recordOutcomes } from "./record-batch";
import type { Resolver } from "./ssrf";

/** Outcomes wait at most this long to be written with others. */
const FLUSH_DELAY_MS = 5;
/** While posts are in flight and nothing could be claimed, look again at least this often. */
const RECHECK_MS = 250;

export type PumpOptions = { concurrency?: number; batch?: number; resolve?: Resolver };

export class DeliveryPump {
  private readonly concurrency: number;
  private readonly batch: number;
  /** Claimed and not yet written: the local share of the database's in-flight count. */
  private inFlight = 0;
  private pending: Finished[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing = false;
  private woken = false;
  /** A signal that arrived while nobody waited: the next wait returns at once. */
  private signaled = false;
  private notify: (() => void) | null = null;
  private running: Promise<DeliverReport> | null = null;
  private stopping = false;
  private report = emptyReport();

  constructor(private readonly opts: PumpOptions = {}) {
    this.concurrency = opts.concurrency ?? PUMP_CONCURRENCY;
    this.batch = opts.batch ?? PUMP_BATCH;
  }

  /** Runs until nothing is due and nothing is in flight; joins the run already going if there is one. */
  drain(): Promise<DeliverReport> {
    if (!this.running) {
      this.report = emptyReport();
      this.running = this.run().finally(() => {
        this.running = null;
        // A kick that landed after the last look starts a new run.
        if (this.woken && !this.stopping)
          void this.drain().catch((err) => logger.error({ err }, "callback pump failed"));
      });
    }
    return this.running;
  }

  /** Ends the current run: claims nothing more, resolves once every post in flight has its outcome written. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.signal();
    await this.running?.catch(() => undefined);
    this.stopping = false;
  }

  /** New rows are due: look now (starting a run if none is going). */
  wake() {
    if (this.stopping) return;
    this.woken = true;
    this.signal();
    if (!this.running) void this.drain().catch((err) => logger.error({ err }, "callback pump failed"));
  }

  private async run(): Promise<DeliverReport> {
    const cap = callbackEnv().CALLBACK_MAX_IN_FLIGHT_PER_ENDPOINT;
    let failure: unknown = null;
    for (;;) {
      this.woken = false;
      this.signaled = false;
      if (this.stopping) break;
      const room = Math.min(this.concurrency - this.inFlight, this.batch);
      if (room > 0) {
        const now = new Date();
        try {
          const claims = await claimDue(now, room, cap);
          this.report.claimed += claims.length;
          this.inFlight += claims.length;
          void this.send(claims, now, cap);
          if (claims.length === room) continue;
        } catch (err) {
          failure = err;
          break;
        }
      }
      // An outcome written while we were claiming may have freed a slot the claim did not see yet.
      if (this.inFlight === 0 && !this.woken && !this.signaled) break;
      if (!this.woken) await this.wait(RECHECK_MS);
    }
    while (this.inFlight > 0) await this.wait(RECHECK_MS);
    if (failure) throw failure;
    return this.report;
  }

  private async send(claims: Finished["claim"][], now: Date, cap: number) {
    let finished = 0;
    try {
      await sendClaimed(claims, now, { cap, resolve: this.opts.resolve }, (item) => {
        finished++;
        this.pending.push(item);
        this.scheduleFlush();
      });
    } catch (err) {
      // Never sent: the rows stay DELIVERING and are due again when their lease ends.
      logger.error({ err, deliveries: claims.length - finished }, "callback delivery batch crashed");
      this.inFlight -= claims.length - finished;
      this.signal();
    }
  }

  private scheduleFlush() {
    if (this.flushing || this.flushTimer) return;
    if (this.pending.length >= this.batch) void this.flush();
    else this.flushTimer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  private async flush() {
    this.flushTimer = null;
    if (this.flushing || this.pending.length === 0) return;
    this.flushing = true;
    const items = this.pending.splice(0);
    try {
      for (const r of await recordOutcomes(items, new Date())) this.report[r]++;
    } catch (err) {
      // Unwritten outcomes: those rows are attempted again when their lease ends (at least once).
      logger.error({ err, deliveries: items.length }, "could not record callback outcomes");
      this.report.stale += items.length;
    } finally {
      this.flushing = false;
      this.inFlight -= items.length;
      if (this.pending.length > 0) this.scheduleFlush();
      this.signal();
    }
  }

  private signal() {
    const notify = this.notify;
    this.notify = null;
    if (notify) notify();
    else this.signaled = true;
  }

  private wait(ms: number): Promise<void> {
    if (this.signaled) {
      this.signaled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.signal(), ms);
      this.notify = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function emptyReport(): DeliverReport {
  return { claimed: 0, succeeded: 0, retrying: 0, failed: 0, canceled: 0, stale: 0 };
}

const g = globalThis as unknown as { __vitrineCallbackPump?: { pump: DeliveryPump; armed: boolean } };

/** This process's pump. */
export function deliveryPump(): DeliveryPump {
  g.__vitrineCallbackPump ??= { pump: new DeliveryPump(), armed: false };
  return g.__vitrineCallbackPump.pump;
}

/** This process delivers callbacks (it runs the job): kicks here wake its pump directly. */
export function armDeliveryPump() {
  deliveryPump();
  g.__vitrineCallbackPump!.armed = true;
}

/** Wakes this process's pump if it delivers callbacks; a no-op elsewhere (the job runner carries the kick). */
export function wakeDeliveries() {
  if (g.__vitrineCallbackPump?.armed) g.__vitrineCallbackPump.pump.wake();
}
