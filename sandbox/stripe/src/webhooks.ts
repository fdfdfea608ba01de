/**
 * Webhook delivery: each event is POSTed to every matching endpoint, signed like Stripe
 * (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`), asynchronously, one at a time
 * per endpoint, retried on non-2xx or network errors along a configurable schedule.
 */
import { createHmac } from "node:crypto";
import type Stripe from "stripe";
import { newId } from "./ids";
import type { Rec, Scope, Store } from "./store";

export type DeliveryAttempt = { at: string; status: number | null; error?: string; durationMs: number };
export type DeliveryState = "pending" | "succeeded" | "failed" | "dropped" | "delayed";
export type Delivery = {
  id: string;
  event: string;
  type: string;
  account: string | null;
  endpoint: string;
  url: string;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
};
export type PauseMode = "drop" | "delay";

export const DEFAULT_RETRY_SCHEDULE_MS = [1_000, 5_000, 30_000, 120_000, 600_000, 3_600_000];

export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

type Options = { retryScheduleMs: number[]; timeoutMs: number; log: (line: string) => void };

export class Webhooks {
  readonly deliveries: Delivery[] = [];
  private waiting: Delivery[] = [];
  private held: Delivery[] = [];
  private chains = new Map<string, Promise<void>>();
  private timers = new Set<NodeJS.Timeout>();
  private pause: { mode: PauseMode; until: number | null } | null = null;
  private closed = false;

  constructor(
    private store: Store,
    private opts: Options,
  ) {}

  /** Enabled endpoints for an event: Connect endpoints get connected-account events only. */
  endpointsFor(scope: Scope, type: string): Rec<"webhook_endpoint">[] {
    return this.store
      .list("webhook_endpoint", null)
      .filter(
        (ep) =>
          ep.obj.status === "enabled" &&
          ep.x.connect === (scope !== null) &&
          (ep.obj.enabled_events.includes("*") || ep.obj.enabled_events.includes(type)),
      );
  }

  enqueue(event: Stripe.EventBase, endpoints: Rec<"webhook_endpoint">[]): void {
    for (const ep of endpoints) {
      const d: Delivery = {
        id: newId("whdel"),
        event: event.id,
        type: event.type,
        account: event.account ?? null,
        endpoint: ep.id,
        url: ep.obj.url,
        state: "pending",
        attempts: [],
        nextAttemptAt: null,
      };
      this.deliveries.push(d);
      this.expirePause();
      if (this.pause?.mode === "drop") {
        d.state = "dropped";
        this.opts.log(`[stripe-emulator] webhook DROPPED (paused) ${event.type} ${event.id} -> ${ep.obj.url}`);
      } else if (this.pause?.mode === "delay") {
        d.state = "delayed";
        this.held.push(d);
      } else {
        this.waiting.push(d);
      }
    }
  }

  /** Starts queued first attempts. Called after the HTTP response of the causing request is sent. */
  kick(): void {
    const ready = this.waiting;
    this.waiting = [];
    for (const d of ready) this.schedule(d);
  }

  /** Re-sends an event to its endpoints now, ignoring pause (like "Resend" in the Dashboard). */
  resend(event: Stripe.EventBase): Delivery[] {
    const eps = this.endpointsFor(event.account ?? null, event.type);
    const before = this.deliveries.length;
    const paused = this.pause;
    this.pause = null;
    this.enqueue(event, eps);
    this.pause = paused;
    this.kick();
    return this.deliveries.slice(before);
  }

  setPause(mode: PauseMode, seconds?: number): void {
    this.pause = { mode, until: seconds ? Date.now() + seconds * 1000 : null };
    if (seconds) this.timer(() => this.expirePause(), seconds * 1000);
  }

  resume(): void {
    this.pause = null;
    const held = this.held;
    this.held = [];
    for (const d of held) {
      d.state = "pending";
      this.schedule(d);
    }
  }

  pauseState(): { mode: PauseMode; until: string | null } | null {
    this.expirePause();
    return (
      this.pause && { mode: this.pause.mode, until: this.pause.until ? new Date(this.pause.until).toISOString() : null }
    );
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.deliveries.length = 0;
    this.waiting = [];
    this.held = [];
    this.pause = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.chains.values()]);
  }

  private expirePause(): void {
    if (this.pause?.until && Date.now() >= this.pause.until) this.resume();
  }

  private timer(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private schedule(d: Delivery): void {
    const prev = this.chains.get(d.endpoint) ?? Promise.resolve();
    const next = prev.then(() => this.attempt(d));
    this.chains.set(d.endpoint, next);
  }

  private async attempt(d: Delivery): Promise<void> {
    if (this.closed) return;
    const ep = this.store.find("webhook_endpoint", d.endpoint);
    const ev = this.store.find("event", d.event);
    if (!ep || !ev) {
      d.state = "failed";
      return;
    }
    const payload = JSON.stringify(ev.obj, null, 2);
    const started = Date.now();
    let status: number | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(d.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": signPayload(payload, ep.x.secret),
        },
        body: payload,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    d.attempts.push({ at: new Date(started).toISOString(), status, error, durationMs: Date.now() - started });
    if (status !== null && status >= 200 && status < 300) {
      d.state = "succeeded";
      d.nextAttemptAt = null;
      const alreadyCounted = this.deliveries.some(
        (o) => o !== d && o.event === d.event && o.endpoint === d.endpoint && o.state === "succeeded",
      );
      if (!alreadyCounted && ev.obj.pending_webhooks > 0) ev.obj.pending_webhooks -= 1;
      return;
    }
    const delay = this.opts.retryScheduleMs[d.attempts.length - 1];
    this.opts.log(
      `[stripe-emulator] webhook ${d.type} ${d.event} -> ${d.url} failed (${status ?? error}); ${delay === undefined ? "giving up" : `retry in ${delay}ms`}`,
    );
    if (delay === undefined) {
      d.state = "failed";
      d.nextAttemptAt = null;
      return;
    }
    d.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    this.timer(() => this.schedule(d), delay);
  }
}
