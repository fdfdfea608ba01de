// In-process metering: meter() adds to a Map (store × resource × UTC day → n) and touches no
// database; the map is flushed every few seconds (and on SIGTERM/SIGINT) by flushUsage() in
// ./flush.ts as one additive upsert per batch, so several app instances simply add up. A
// counting request pays a Map update; the flush pays one round trip per few seconds.
import { logger } from "@/lib/log/logger";

/** How often pending counts are written. A hard kill loses at most this much of API-call counts (never over-counts). */
export const FLUSH_INTERVAL_MS = 5_000;
const DAY_MS = 86_400_000;

type MeterState = {
  /** `${storeId}\t${resource}\t${day}` → units not yet written. */
  pending: Map<string, number>;
  /** `${storeId}\t${resource}` → the same units, summed over days (what the API-call gate adds to the last flushed total). */
  pendingByStore: Map<string, number>;
  day: string;
  dayEnds: number;
  timer: ReturnType<typeof setInterval> | null;
  shutdownHooked: boolean;
};

// One per process, shared by every bundle that imports this module (Next loads route code more than once).
const g = globalThis as unknown as { __vitrineMeter?: MeterState };

function state(): MeterState {
  g.__vitrineMeter ??= {
    pending: new Map(),
    pendingByStore: new Map(),
    day: "",
    dayEnds: 0,
    timer: null,
    shutdownHooked: false,
  };
  return g.__vitrineMeter;
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
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void flushInBackground());
  }
}

/** Counts `quantity` units of `resource` for the store now. No I/O. */
export function meter(storeId: string, resource: string, quantity = 1): void {
  const s = state();
  const now = Date.now();
  if (now >= s.dayEnds) {
    const start = now - (now % DAY_MS);
    s.day = new Date(start).toISOString().slice(0, 10);
    s.dayEnds = start + DAY_MS;
  }
  const key = `${storeId}\t${resource}\t${s.day}`;
  s.pending.set(key, (s.pending.get(key) ?? 0) + quantity);
  const byStore = `${storeId}\t${resource}`;
  s.pendingByStore.set(byStore, (s.pendingByStore.get(byStore) ?? 0) + quantity);
  if (!s.timer) startTimer(s);
}

/** Units of `resource` metered here for the store and not yet flushed. */
export function pendingFor(storeId: string, resource: string): number {
  return state().pendingByStore.get(`${storeId}\t${resource}`) ?? 0;
}

export type PendingRow = { storeId: string; resource: string; day: string; quantity: number };

/** Takes everything pending (new counts go to fresh maps meanwhile). */
export function takePending(): PendingRow[] {
  const s = state();
  const taken = s.pending;
  s.pending = new Map();
  s.pendingByStore = new Map();
  return [...taken].map(([key, quantity]) => {
    const [storeId, resource, day] = key.split("\t") as [string, string, string];
    return { storeId, resource, day, quantity };
  });
}

/** Puts rows back after a failed write, so the next flush carries them. */
export function restorePending(rows: PendingRow[]): void {
  const s = state();
  for (const r of rows) {
    const key = `${r.storeId}\t${r.resource}\t${r.day}`;
    s.pending.set(key, (s.pending.get(key) ?? 0) + r.quantity);
    const byStore = `${r.storeId}\t${r.resource}`;
    s.pendingByStore.set(byStore, (s.pendingByStore.get(byStore) ?? 0) + r.quantity);
  }
}

/** Stops the flush timer (tests, bench). Pending counts stay until flushUsage(). */
export function stopMeterTimer(): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = null;
}
