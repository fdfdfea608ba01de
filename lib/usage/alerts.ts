// Soft-limit alerts: at 80 % and 100 % of a limit, one UsageAlert row per store, resource, period
// and threshold (the unique key makes it once, whoever evaluates first: the rollup job or an
// API-call flush on any instance), with its audit entry in the same transaction. Notifications
// (#15) read these rows and key each message on the alert id (docs/billing.md).
import "server-only";
import type { UsageAlert } from "@/generated/prisma/client";
import { appendAudit } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { reachedThresholds } from "./resources";
import type { AlertView } from "./views";

const SYSTEM = { actor: { type: "system" as const, id: "usage" } };

/** Alerts this process already knows exist, so a busy store is not re-inserted on every flush. */
const known = new Set<string>();
const KNOWN_MAX = 50_000;

export type AlertInput = { storeId: string; resource: string; periodStart: Date; used: number; limit: number | null };

/** Records the thresholds `used` has reached; returns the alerts created now (empty when they existed). */
export async function recordAlerts(input: AlertInput): Promise<UsageAlert[]> {
  const key = (t: number) => `${input.storeId}\t${input.resource}\t${input.periodStart.toISOString()}\t${t}`;
  const due = reachedThresholds(input.used, input.limit).filter((t) => !known.has(key(t)));
  if (!due.length) return [];
  const created = await prisma.$transaction(async (tx) => {
    const rows = await tx.usageAlert.createManyAndReturn({
      data: due.map((threshold) => ({
        storeId: input.storeId,
        resource: input.resource,
        periodStart: input.periodStart,
        threshold,
        used: input.used,
        limit: input.limit ?? 0,
      })),
      skipDuplicates: true,
    });
    for (const alert of rows) {
      await appendAudit(tx, SYSTEM, {
        action: "usage.alert",
        storeId: alert.storeId,
        target: { type: "usage_alert", id: alert.id },
        after: {
          resource: alert.resource,
          threshold: alert.threshold,
          used: alert.used,
          limit: alert.limit,
          periodStart: alert.periodStart.toISOString(),
        },
      });
    }
    return rows;
  });
  if (known.size > KNOWN_MAX) known.clear();
  for (const t of due) known.add(key(t));
  return created;
}

export function alertView(a: UsageAlert): AlertView {
  return {
    id: a.id,
    resource: a.resource,
    threshold: a.threshold,
    used: a.used,
    limit: a.limit,
    period_start: a.periodStart.toISOString(),
    created_at: a.createdAt.toISOString(),
  };
}

/** A store's most recent alerts, newest first. */
export async function listStoreAlerts(storeId: string, take = 20): Promise<AlertView[]> {
  const rows = await prisma.usageAlert.findMany({
    where: { storeId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(alertView);
}

/** Forgets what this process knows (tests). */
export function forgetKnownAlerts(): void {
  known.clear();
}
