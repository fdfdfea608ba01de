// Usage a store's own systems report (POST /api/v1/usage): validated, stored once per
// idempotency key (a replay returns the first record; the same key with another body is 409),
// and added to the resource's daily counter in the same transaction, on the UTC day its period
// starts. Names Vitrine meters itself are refused: they would be counted twice.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { UsageRecord } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { addToCounters } from "./counters";
import { dayKey } from "./periods";
import { RESERVED_RESOURCES } from "./resources";

/** Biggest quantity one record may carry (a counter holds up to 2^31 − 1 per day). */
export const MAX_REPORTED_QUANTITY = 10_000_000;
/** How far back a reported period may start. */
const MAX_AGE_DAYS = 366;
/** Clock skew allowed on a period start in the future. */
const FUTURE_SKEW_MS = 5 * 60_000;

const instant = z.iso.datetime({ offset: true, message: "an ISO 8601 date-time, e.g. 2026-12-01T00:00:00Z" });
const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, "1–255 visible ASCII characters");

export const ReportUsageInput = z
  .strictObject({
    resource_type: z
      .string()
      .regex(/^[a-z][a-z0-9_.-]{0,63}$/, "a lowercase slug: letters, digits, _ . - (up to 64), starting with a letter"),
    quantity: z
      .number()
      .int("quantity is a whole number")
      .min(1, "quantity must be at least 1")
      .max(MAX_REPORTED_QUANTITY, `quantity must be at most ${MAX_REPORTED_QUANTITY}`),
    unit: z.string().trim().min(1).max(32),
    period_start: instant.optional(),
    period_end: instant.optional(),
    source: z.string().trim().min(1).max(64),
    idempotency_key: idempotencyKey.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.period_end && !v.period_start)
      ctx.addIssue({ code: "custom", path: ["period_start"], message: "period_start is required with period_end" });
    if (v.period_start && v.period_end && Date.parse(v.period_end) <= Date.parse(v.period_start))
      ctx.addIssue({ code: "custom", path: ["period_end"], message: "period_end must be after period_start" });
  });
export type ReportUsageInput = z.infer<typeof ReportUsageInput>;

export type UsageRecordView = {
  id: string;
  resource_type: string;
  quantity: number;
  unit: string;
  period_start: string;
  period_end: string;
  source: string;
  idempotency_key: string;
  created_at: string;
};

export function recordView(r: UsageRecord): UsageRecordView {
  return {
    id: r.id,
    resource_type: r.resourceType,
    quantity: r.quantity,
    unit: r.unit,
    period_start: r.periodStart.toISOString(),
    period_end: r.periodEnd.toISOString(),
    source: r.source,
    idempotency_key: r.idempotencyKey,
    created_at: r.createdAt.toISOString(),
  };
}

/** The key from the Idempotency-Key header or the body's idempotency_key (both: they must agree). */
export function resolveIdempotencyKey(header: string | undefined, body: string | undefined): string {
  if (header && body && header !== body)
    throw new AppError("validation_failed", "The Idempotency-Key header and idempotency_key differ.", {
      param: "idempotency_key",
    });
  const key = header ?? body;
  if (!key)
    throw new AppError(
      "idempotency_key_required",
      "Send an Idempotency-Key header (or idempotency_key): a replay with the same key returns the first record.",
      { param: "Idempotency-Key" },
    );
  return key;
}

/** SHA-256 of the request as sent (defaults not filled in, instants normalised), key excluded. */
function requestHash(input: ReportUsageInput): string {
  const canonical = JSON.stringify([
    input.resource_type,
    input.quantity,
    input.unit,
    input.period_start ? new Date(input.period_start).toISOString() : null,
    input.period_end ? new Date(input.period_end).toISOString() : null,
    input.source,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

function replayOf(existing: UsageRecord, hash: string): { record: UsageRecordView; replayed: true } {
  if (existing.requestHash !== hash)
    throw new AppError("idempotency_conflict", "This idempotency key was already used with a different usage record.", {
      param: "Idempotency-Key",
    });
  return { record: recordView(existing), replayed: true };
}

export async function reportUsage(
  storeId: string,
  input: ReportUsageInput,
  idempotencyKey: string,
  now = new Date(),
): Promise<{ record: UsageRecordView; replayed: boolean }> {
  if (RESERVED_RESOURCES.has(input.resource_type))
    throw new AppError(
      "resource_type_reserved",
      `Vitrine meters ${input.resource_type} itself; report your own resource types (e.g. emails_sent).`,
      { param: "resource_type" },
    );
  const hash = requestHash(input);
  const find = () => prisma.usageRecord.findUnique({ where: { storeId_idempotencyKey: { storeId, idempotencyKey } } });
  const existing = await find();
  if (existing) return replayOf(existing, hash);

  const periodStart = input.period_start ? new Date(input.period_start) : now;
  const periodEnd = input.period_end ? new Date(input.period_end) : periodStart;
  if (periodStart.getTime() > now.getTime() + FUTURE_SKEW_MS)
    throw new AppError("validation_failed", "period_start cannot be in the future.", { param: "period_start" });
  if (periodStart.getTime() < now.getTime() - MAX_AGE_DAYS * 86_400_000)
    throw new AppError("validation_failed", `period_start can be at most ${MAX_AGE_DAYS} days ago.`, {
      param: "period_start",
    });
  try {
    const record = await prisma.$transaction(async (tx) => {
      const row = await tx.usageRecord.create({
        data: {
          storeId,
          resourceType: input.resource_type,
          quantity: input.quantity,
          unit: input.unit,
          periodStart,
          periodEnd,
          source: input.source,
          idempotencyKey,
          requestHash: hash,
        },
      });
      await addToCounters(
        [{ storeId, resource: input.resource_type, day: dayKey(periodStart), quantity: input.quantity }],
        tx,
      );
      return row;
    });
    return { record: recordView(record), replayed: false };
  } catch (err) {
    // The same key raced in from another request: answer as its replay.
    if (isUniqueViolation(err)) {
      const winner = await find();
      if (winner) return replayOf(winner, hash);
    }
    throw err;
  }
}

export const ListUsageQuery = z.strictObject({
  resource_type: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,63}$/, "a resource type slug")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}_[a-z0-9]{1,40}$/, "a cursor from next_cursor")
    .optional(),
});
export type ListUsageQuery = z.infer<typeof ListUsageQuery>;

/** The store's reported usage, newest first, keyset-paginated on (createdAt, id). */
export async function listUsageRecords(
  storeId: string,
  q: ListUsageQuery = {},
): Promise<{ data: UsageRecordView[]; next_cursor: string | null }> {
  const take = q.limit ?? 50;
  let after = {};
  if (q.cursor) {
    const [ms, id] = q.cursor.split("_") as [string, string];
    const at = new Date(Number(ms));
    after = { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
  }
  const rows = await prisma.usageRecord.findMany({
    where: { storeId, ...(q.resource_type ? { resourceType: q.resource_type } : {}), ...after },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    data: page.map(recordView),
    next_cursor: rows.length > take && last ? `${last.createdAt.getTime()}_${last.id}` : null,
  };
}
