// Usage metering records an 80 % or 100 % UsageAlert row once per store, resource and period; this
// step turns recent ones into usage_threshold notifications keyed on the alert id. UsageAlert has no
// "notified" flag: the outbox key makes a re-run harmless, and alerts older than the window are left
// alone so a job that was down for days does not send stale news.
import "server-only";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { USAGE_ALERT_WINDOW_HOURS } from "./config";
import { enqueueNotification } from "./enqueue";

const BATCH = 200;

// Alerts in the window with no outbox row yet. A store that turned the event off has none and is
// looked at again each run; that is a few rows, and a store turning it back on still hears of it.
const PENDING_ALERTS_SQL = `
SELECT a.id
FROM "UsageAlert" a
WHERE a."createdAt" >= $1::timestamp(3)
  AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."idempotencyKey" LIKE 'usage_threshold:' || a.id || ':%')
ORDER BY a."createdAt" ASC
LIMIT $2::int`;

/** Enqueues a notification for every recent usage alert not yet enqueued. Returns how many rows were written. */
export async function notifyUsageAlerts(now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - USAGE_ALERT_WINDOW_HOURS * 3_600_000);
  const pending = await prisma.$queryRawUnsafe<Array<{ id: string }>>(PENDING_ALERTS_SQL, since.toISOString(), BATCH);
  if (pending.length === 0) return 0;
  const alerts = await prisma.usageAlert.findMany({
    where: { id: { in: pending.map((p) => p.id) } },
    orderBy: { createdAt: "asc" },
  });
  let queued = 0;
  for (const alert of alerts) {
    const threshold = alert.threshold;
    if (threshold !== 80 && threshold !== 100) continue;
    try {
      const result = await enqueueNotification(prisma, {
        storeId: alert.storeId,
        event: "usage_threshold",
        subjectId: alert.id,
        payload: {
          resource: alert.resource,
          threshold,
          used: alert.used,
          limit: alert.limit,
          periodStart: alert.periodStart,
        },
      });
      queued += result.queued;
    } catch (err) {
      logger.warn({ err, usageAlertId: alert.id }, "usage alert could not be turned into a notification");
    }
  }
  return queued;
}
