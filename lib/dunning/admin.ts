// The admin's view of dunning and plan billing: stores in dunning with amounts and where each case
// stands, and failed and recovered plan payments per UTC day.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getDunningSchedule } from "./schedule";

export const DUNNING_STATUSES = ["active", "recovered", "downgraded", "canceled"] as const;

export const ListDunningCasesQuery = z.strictObject({
  status: z.enum([...DUNNING_STATUSES, "all"]).default("active"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset cursor: the id of the last case of the previous page. */
  starting_after: z.string().trim().min(1).max(64).optional(),
});
export type ListDunningCasesQuery = z.infer<typeof ListDunningCasesQuery>;

export type DunningCaseRow = {
  id: string;
  store: { id: string; name: string; ownerEmail: string };
  plan: { code: string; name: string } | null;
  status: string;
  endReason: string | null;
  amountDue: number;
  currency: string;
  /** Reminders sent so far, and how many the schedule has. */
  remindersSent: number;
  steps: number;
  nextStepAt: Date | null;
  startedAt: Date;
  endedAt: Date | null;
  stripeInvoiceId: string;
};

/** Cases newest first (started, then id), across every store. */
export async function listDunningCases(query: ListDunningCasesQuery) {
  const where = query.status === "all" ? {} : { status: query.status };
  let cursor: { startedAt: Date; id: string } | null = null;
  if (query.starting_after) {
    cursor = await prisma.dunningCase.findUnique({
      where: { id: query.starting_after },
      select: { startedAt: true, id: true },
    });
    if (!cursor) throw new AppError("validation_failed", "Unknown cursor.", { param: "starting_after" });
  }
  const [rows, schedule] = await Promise.all([
    prisma.dunningCase.findMany({
      where: cursor
        ? {
            ...where,
            OR: [{ startedAt: { lt: cursor.startedAt } }, { startedAt: cursor.startedAt, id: { lt: cursor.id } }],
          }
        : where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      include: {
        store: {
          select: {
            id: true,
            name: true,
            owner: { select: { email: true } },
            subscription: { select: { plan: { select: { code: true, name: true } } } },
          },
        },
      },
    }),
    getDunningSchedule(),
  ]);
  const page = rows.slice(0, query.limit);
  const data: DunningCaseRow[] = page.map((c) => ({
    id: c.id,
    store: { id: c.store.id, name: c.store.name, ownerEmail: c.store.owner.email },
    plan: c.store.subscription?.plan ?? null,
    status: c.status,
    endReason: c.endReason,
    amountDue: c.amountDue,
    currency: c.currency,
    remindersSent: c.step + 1,
    steps: schedule.days.length,
    nextStepAt: c.nextStepAt,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    stripeInvoiceId: c.stripeInvoiceId,
  }));
  return { data, hasMore: rows.length > query.limit };
}

/** Amount in dunning per currency (active cases). */
export async function amountInDunning(): Promise<{ currency: string; amountMinor: number; cases: number }[]> {
  const rows = await prisma.dunningCase.groupBy({
    by: ["currency"],
    where: { status: "active" },
    _sum: { amountDue: true },
    _count: true,
    orderBy: { currency: "asc" },
  });
  return rows.map((r) => ({ currency: r.currency, amountMinor: r._sum.amountDue ?? 0, cases: r._count }));
}

export type DailyPayments = { day: string; failed: number; recovered: number }[];

/**
 * The last `days` UTC days, oldest first: plan payment attempts Stripe reported as failed (every
 * invoice.payment_failed on the platform account, retries included) and dunning cases recovered.
 */
export async function failedPaymentsByDay(days = 30, now = new Date()): Promise<DailyPayments> {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + 86_400_000;
  const start = new Date(end - days * 86_400_000);
  const [failed, recovered] = await Promise.all([
    prisma.stripeEvent.findMany({
      where: { type: "invoice.payment_failed", account: null, stripeCreated: { gte: start } },
      select: { stripeCreated: true },
    }),
    prisma.dunningCase.findMany({
      where: { status: "recovered", endedAt: { gte: start } },
      select: { endedAt: true },
    }),
  ]);
  const countByDay = (dates: Date[]) => {
    const m = new Map<string, number>();
    for (const d of dates) m.set(d.toISOString().slice(0, 10), (m.get(d.toISOString().slice(0, 10)) ?? 0) + 1);
    return m;
  };
  const f = countByDay(failed.map((e) => e.stripeCreated));
  const r = countByDay(recovered.map((c) => c.endedAt!));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    return { day, failed: f.get(day) ?? 0, recovered: r.get(day) ?? 0 };
  });
}
