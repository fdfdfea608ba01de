// flushUsage(): writes what meter() counted as additive counter upserts, then refreshes (and
// evaluates: alerts, overage) the API-call position of every store in the batch. Flushes in one
// process run one after another; a failed write puts the counts back for the next flush (the
// counts of a store that no longer exists are dropped instead, so they cannot block every flush).
import "server-only";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { addToCounters } from "./counters";
import { pruneGates, refreshGate } from "./gate";
import { restorePending, takePending, type PendingRow } from "./meter";

export type FlushReport = { rows: number; stores: number };

/** Stores whose API-call position is refreshed at once after a flush. */
const REFRESH_CONCURRENCY = 8;

const g = globalThis as unknown as { __vitrineUsageFlush?: Promise<unknown> };

async function flushOnce(): Promise<FlushReport> {
  const rows = takePending();
  if (!rows.length) return { rows: 0, stores: 0 };
  try {
    await addToCounters(rows);
  } catch (err) {
    // A store that no longer exists would fail every later flush too: drop its rows, write the rest.
    const known = await existingStores(rows).catch(() => null);
    const kept = known ? rows.filter((r) => known.has(r.storeId)) : rows;
    if (kept.length < rows.length) {
      logger.warn({ dropped: rows.length - kept.length }, "usage flush: counts of unknown stores dropped");
      try {
        await addToCounters(kept);
        return finish(kept);
      } catch (retryErr) {
        restorePending(kept);
        throw retryErr;
      }
    }
    restorePending(rows);
    throw err;
  }
  return finish(rows);
}

async function existingStores(rows: PendingRow[]): Promise<Set<string>> {
  const ids = [...new Set(rows.map((r) => r.storeId))];
  const found = await prisma.store.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(found.map((s) => s.id));
}

/** After a write: refresh and evaluate the API-call position of every store in it. */
async function finish(rows: PendingRow[]): Promise<FlushReport> {
  const stores = [...new Set(rows.filter((r) => r.resource === "api_calls").map((r) => r.storeId))];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(REFRESH_CONCURRENCY, stores.length) }, async () => {
      while (next < stores.length) {
        const storeId = stores[next++]!;
        await refreshGate(storeId, { evaluate: true }).catch((err: unknown) =>
          logger.error({ err, storeId }, "usage evaluation after flush failed"),
        );
      }
    }),
  );
  pruneGates();
  return { rows: rows.length, stores: stores.length };
}

/** Writes every count metered in this process so far (waits for a flush already running, then flushes). */
export function flushUsage(): Promise<FlushReport> {
  const run = (g.__vitrineUsageFlush ?? Promise.resolve()).then(flushOnce, flushOnce);
  g.__vitrineUsageFlush = run.catch(() => undefined);
  return run;
}
