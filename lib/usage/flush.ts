// flushUsage(): writes what meter() counted as additive counter upserts, then refreshes (and
// evaluates: alerts, overage) the API-call position of every store in the batch. Flushes in one
// process run one after another; a failed write puts the counts back for the next flush.
import "server-only";
import { logger } from "@/lib/log/logger";
import { addToCounters } from "./counters";
import { pruneGates, refreshGate } from "./gate";
import { restorePending, takePending } from "./meter";

export type FlushReport = { rows: number; stores: number };

const g = globalThis as unknown as { __vitrineUsageFlush?: Promise<unknown> };

async function flushOnce(): Promise<FlushReport> {
  const rows = takePending();
  if (!rows.length) return { rows: 0, stores: 0 };
  try {
    await addToCounters(rows);
  } catch (err) {
    restorePending(rows);
    throw err;
  }
  const stores = [...new Set(rows.filter((r) => r.resource === "api_calls").map((r) => r.storeId))];
  for (const storeId of stores) {
    await refreshGate(storeId, { evaluate: true }).catch((err: unknown) =>
      logger.error({ err, storeId }, "usage evaluation after flush failed"),
    );
  }
  pruneGates();
  return { rows: rows.length, stores: stores.length };
}

/** Writes every count metered in this process so far (waits for a flush already running, then flushes). */
export function flushUsage(): Promise<FlushReport> {
  const run = (g.__vitrineUsageFlush ?? Promise.resolve()).then(flushOnce, flushOnce);
  g.__vitrineUsageFlush = run.catch(() => undefined);
  return run;
}
