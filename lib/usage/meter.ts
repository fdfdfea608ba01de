// In-process metering: meter() adds to a Map (store × resource × UTC day → n) and touches no
// database; the map is flushed every few seconds (and on the server's SIGTERM/SIGINT) by flushUsage() in
// ./flush.ts as one additive upsert per batch, so several app instances simply add up. A
// counting request pays a Map update; the flush pays one round trip per few seconds.
import { logger } from "@/lib/log/logger";

/** How often pending counts are written. A hard kill loses at most this much of API-call counts (never over-counts). */
export const FLUSH_INTERVAL_MS = 5_000;
const DAY_MS = 86_400_000;

/** day → store → resource → units not yet written. Nested maps: a count builds no string key. */
type Pending = Map<string, Map<string, Map<string, number>>>;

type MeterState = {
  pending: Pending;
  /** The current UTC day's store map (the hot path skips the day lookup) and when that day ends. */
  today: Map<string, Map<string, number>> | null;
  day: string;
  dayEnds: number;
  timer: ReturnType<typeof setInterval> | null;
  shutdownHooked: boolean;
};

// One per process, shared by every bundle that imports this module (Next loads route code more than once).
const g = globalThis as unknown as { __vitrineMeter?: MeterState };

function state(): MeterState {
  g.__vitrineMeter ??= { pending: new Map(), today: null, day: "", dayEnds: 0, timer: null, shutdownHooked: false };
  return g.__vitrineMeter;
}

function dayMap(pending: Pending, day: string): Map<string, Map<string, number>> {
  let m = pending.get(day);
  if (!m) pending.set(day, (m = new Map()));
  return m;
}

function add(stores: Map<string, Map<string, number>>, storeId: string, resource: string, quantity: number) {
  let resources = stores.get(storeId);
  if (!resources) stores.set(storeId, (resources = new Map()));
  resources.set(resource, (resources.get(resource) ?? 0) + quantity);
}

const flushInBackground = () =>
  import("./flush")
    .then((m) => m.flushUsage())
    .catch((err: unknown) => logger.error({ err }, "usage flush failed; counts stay pending for the next one"));

function startTimer(s: MeterState) {
  s.timer = setInterval(flushInBackground, FLUSH_INTERVAL_MS);
  s.timer.unref?.();
  if (!s.shutdownHooked) {
    s.shutdownHooked = true;
    // Only beside a process that already handles the signal (scripts/server.mjs closes the app, then
    // exits): a listener of our own would stop Node's default exit on SIGTERM where nobody else handles it.
    for (const signal of ["SIGTERM", "SIGINT"] as const)
      if (process.listenerCount(signal) > 0) process.once(signal, () => void flushInBackground());
  }
}

/** Counts `quantity` units of `resource` for the store now. No I/O. */
export function meter(storeId: string, resource: string, quantity = 1): void {
  const s = state();
  const now = Date.now();
  if (now >= s.dayEnds || !s.today) {
    const start = now - (now % DAY_MS);
    s.day = new Date(start).toISOString().slice(0, 10);
    s.dayEnds = start + DAY_MS;
    s.today = dayMap(s.pending, s.day);
  }
  add(s.today, storeId, resource, quantity);
  if (!s.timer) startTimer(s);
}

/** Units of `resource` metered here for the store and not yet flushed (every day pending). */
export function pendingFor(storeId: string, resource: string): number {
  let n = 0;
  for (const stores of state().pending.values()) n += stores.get(storeId)?.get(resource) ?? 0;
  return n;
}

export type PendingRow = { storeId: string; resource: string; day: string; quantity: number };

/** Takes everything pending (new counts go to a fresh map meanwhile). */
export function takePending(): PendingRow[] {
  const s = state();
  const taken = s.pending;
  s.pending = new Map();
  s.today = null;
  const rows: PendingRow[] = [];
  for (const [day, stores] of taken)
    for (const [storeId, resources] of stores)
      for (const [resource, quantity] of resources) rows.push({ storeId, resource, day, quantity });
  return rows;
}

/** Puts rows back after a failed write, so the next flush carries them. */
export function restorePending(rows: PendingRow[]): void {
  const s = state();
  for (const r of rows) add(dayMap(s.pending, r.day), r.storeId, r.resource, r.quantity);
}

/** Stops the flush timer (tests, bench). Pending counts stay until flushUsage(). */
export function stopMeterTimer(): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = null;
}
