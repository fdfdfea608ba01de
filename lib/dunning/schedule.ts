// The dunning schedule: the days after a failed plan payment on which the seller is reminded, then
// the day the store drops to Free. Stored as the platform setting "dunning.schedule" and changed by
// an admin (audited); every open case follows the current schedule from its next step on.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma, type Tx } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

export const DUNNING_SCHEDULE_KEY = "dunning.schedule";
export const DEFAULT_DUNNING_SCHEDULE: readonly number[] = [0, 3, 5, 7];
/** Days between the last reminder and the downgrade to Free. */
export const DOWNGRADE_GRACE_DAYS = 1;
export const MAX_DUNNING_STEPS = 10;
export const MAX_DUNNING_DAY = 60;

const DAY_MS = 86_400_000;

/** A schedule an admin may set: 1–10 whole days, strictly ascending, from 0 to 60. */
export const DunningScheduleDays = z
  .array(
    z
      .number()
      .int("Days are whole numbers.")
      .min(0, "Days cannot be negative.")
      .max(MAX_DUNNING_DAY, `At most ${MAX_DUNNING_DAY} days after the failure.`),
  )
  .min(1, "The schedule needs at least one reminder.")
  .max(MAX_DUNNING_STEPS, `At most ${MAX_DUNNING_STEPS} reminders.`)
  .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), "Days must go up: each after the one before.");

export const UpdateDunningScheduleInput = z.strictObject({ days: DunningScheduleDays });
export type UpdateDunningScheduleInput = z.infer<typeof UpdateDunningScheduleInput>;

export type DunningSchedule = {
  days: number[];
  graceDays: number;
  isDefault: boolean;
  updatedAt: Date | null;
  updatedById: string | null;
};

type Reader = Pick<Tx, "platformSetting">;

/** The current schedule; a stored value that no longer validates falls back to the default (logged). */
export async function getDunningSchedule(db: Reader = prisma): Promise<DunningSchedule> {
  const row = await db.platformSetting.findUnique({ where: { key: DUNNING_SCHEDULE_KEY } });
  const fallback = {
    days: [...DEFAULT_DUNNING_SCHEDULE],
    graceDays: DOWNGRADE_GRACE_DAYS,
    isDefault: true,
    updatedAt: row?.updatedAt ?? null,
    updatedById: row?.updatedById ?? null,
  };
  if (!row) return fallback;
  const parsed = DunningScheduleDays.safeParse(row.value);
  if (!parsed.success) {
    logger.error({ key: DUNNING_SCHEDULE_KEY }, "stored dunning schedule is invalid; using the default");
    return fallback;
  }
  return {
    days: parsed.data,
    graceDays: DOWNGRADE_GRACE_DAYS,
    isDefault: false,
    updatedAt: row.updatedAt,
    updatedById: row.updatedById,
  };
}

/** Saves a new schedule with an audit entry in the same transaction; open cases follow it from their next step. */
export async function setDunningSchedule(input: UpdateDunningScheduleInput, audit: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const before = await getDunningSchedule(tx);
    const value = input.days as Prisma.InputJsonValue;
    await tx.platformSetting.upsert({
      where: { key: DUNNING_SCHEDULE_KEY },
      create: { key: DUNNING_SCHEDULE_KEY, value, updatedById: audit.actor.id ?? null },
      update: { value, updatedById: audit.actor.id ?? null },
    });
    await appendAudit(tx, audit, {
      action: "dunning.schedule_updated",
      target: { type: "platform_setting", id: DUNNING_SCHEDULE_KEY },
      before: { days: before.days },
      after: { days: input.days },
    });
    await rescheduleActiveCases(tx, input.days, new Date());
    return getDunningSchedule(tx);
  });
}

/** When reminder `step` (0-based) of a case that started at `startedAt` is due. */
export function reminderDueAt(startedAt: Date, days: readonly number[], step: number): Date {
  const day = days[step];
  if (day === undefined) throw new RangeError(`The schedule has no step ${step}`);
  return new Date(startedAt.getTime() + day * DAY_MS);
}

/** When a case that started at `startedAt` drops to Free: the last reminder's day plus the grace. */
export function downgradeDueAt(startedAt: Date, days: readonly number[], graceDays = DOWNGRADE_GRACE_DAYS): Date {
  const last = days[days.length - 1] ?? 0;
  return new Date(startedAt.getTime() + (last + graceDays) * DAY_MS);
}

/**
 * What a case that has sent reminders 0..`sentStep` does next, and when: the next reminder, or the
 * downgrade once every reminder is out. The downgrade is never due sooner than the grace after
 * `lastReminderAt` (the last reminder sent, or the moment an admin shortened the schedule), so no
 * store drops to Free without a day's notice.
 */
export function nextAction(
  startedAt: Date,
  days: readonly number[],
  sentStep: number,
  lastReminderAt: Date | null = null,
): { kind: "reminder"; step: number; at: Date } | { kind: "downgrade"; at: Date } {
  const step = sentStep + 1;
  if (step < days.length) return { kind: "reminder", step, at: reminderDueAt(startedAt, days, step) };
  const at = downgradeDueAt(startedAt, days);
  if (!lastReminderAt) return { kind: "downgrade", at };
  const floor = new Date(lastReminderAt.getTime() + DOWNGRADE_GRACE_DAYS * DAY_MS);
  return { kind: "downgrade", at: floor > at ? floor : at };
}

/** Moves every open case onto a new schedule, inside the admin's change so the two agree. */
async function rescheduleActiveCases(tx: Tx, days: readonly number[], now: Date) {
  const open = await tx.dunningCase.findMany({
    where: { status: "active" },
    select: { id: true, startedAt: true, step: true },
  });
  for (const c of open) {
    const next = nextAction(c.startedAt, days, c.step, c.step >= 0 ? now : null);
    await tx.dunningCase.update({ where: { id: c.id }, data: { nextStepAt: next.at } });
  }
}
