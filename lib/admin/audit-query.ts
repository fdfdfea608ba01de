// The admin's audit trail: filters by actor (email or id), store, action (exact, or a domain such as
// "order."), and time; keyset pages on the id (newest first), so a page costs the same at any depth.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";

export const AuditFilterInput = z.object({
  actor: z.string().trim().max(200).optional(),
  store: z.string().trim().max(64).optional(),
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z_.]*$/, "letters, dots and underscores")
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterInput>;

export type AuditPage = {
  entries: Array<{
    id: string;
    createdAt: Date;
    actorType: string;
    actorId: string | null;
    storeId: string | null;
    storeName: string | null;
    action: string;
    targetType: string | null;
    targetId: string | null;
    targetName: string | null;
    before: unknown;
    after: unknown;
  }>;
  users: Map<string, { name: string; email: string }>;
  nextBefore: string | null;
};

/** Parses the page's query string; a bad filter is dropped rather than failing the page. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const flat = Object.fromEntries(
    Object.entries(params)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  const out: Record<string, string> = {};
  for (const [key, schema] of Object.entries(AuditFilterInput.shape)) {
    const one = (schema as z.ZodType).safeParse(flat[key]);
    if (one.success && one.data !== undefined) out[key] = one.data as string;
  }
  return out as AuditFilter;
}

export async function listAuditPage(filter: AuditFilter, take = 50): Promise<AuditPage> {
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.actor) {
    if (filter.actor.includes("@")) {
      const user = await prisma.user.findUnique({ where: { email: filter.actor.toLowerCase() }, select: { id: true } });
      where.actorId = user?.id ?? "__no_such_user__";
    } else where.actorId = filter.actor;
  }
  if (filter.store) where.storeId = filter.store;
  if (filter.action) where.action = filter.action.endsWith(".") ? { startsWith: filter.action } : filter.action;
  if (filter.from || filter.to)
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
    };
  if (filter.before) where.id = { lt: BigInt(filter.before) };
  const rows = await prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, take: take + 1 });
  const page = rows.slice(0, take);
  // Users named in a sentence: the actors, and the targets of user actions (shown by email).
  const userIds = [
    ...new Set([
      ...page.filter((r) => r.actorType === "user" && r.actorId).map((r) => r.actorId!),
      ...page.filter((r) => r.targetType === "user" && r.targetId).map((r) => r.targetId!),
    ]),
  ];
  const storeIds = [
    ...new Set([
      ...page.map((r) => r.storeId).filter((s): s is string => !!s),
      ...page.filter((r) => r.targetType === "store" && r.targetId).map((r) => r.targetId!),
    ]),
  ];
  const [users, stores] = await Promise.all([
    userIds.length
      ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
      : [],
    storeIds.length ? prisma.store.findMany({ where: { id: { in: storeIds } }, select: { id: true, name: true } }) : [],
  ]);
  const storeNames = new Map(stores.map((s) => [s.id, s.name]));
  return {
    entries: page.map((r) => ({
      id: r.id.toString(),
      createdAt: r.createdAt,
      actorType: r.actorType,
      actorId: r.actorId,
      storeId: r.storeId,
      storeName: r.storeId ? (storeNames.get(r.storeId) ?? null) : null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      /** A store target's name, so the sentence reads "suspended store Ateliê da Ana". */
      targetName: r.targetType === "store" && r.targetId ? (storeNames.get(r.targetId) ?? null) : null,
      before: r.before,
      after: r.after,
    })),
    users: new Map(users.map((u) => [u.id, { name: u.name, email: u.email }])),
    nextBefore: rows.length > take ? page[page.length - 1]!.id.toString() : null,
  };
}
