// PIX money received, per gateway configuration: what buyers paid on charges paid in the last
// 7 and 30 days, minus what was refunded on those charges. PIX settles in the seller's own gateway
// account, never in Stripe, so this sits beside the Stripe balance rather than in it.
import "server-only";
import { prisma } from "@/lib/db/client";
import type { PixGatewayReceived } from "./types";

export const PIX_PERIOD_DAYS = [7, 30] as const;
const DAY_MS = 86_400_000;

type Row = {
  gatewayConfigId: string | null;
  paid7: bigint;
  refunded7: bigint;
  count7: bigint;
  paid30: bigint;
  refunded30: bigint;
  count30: bigint;
};

export async function pixReceivedByGateway(storeId: string, now = new Date()): Promise<PixGatewayReceived[]> {
  const since7 = new Date(now.getTime() - 7 * DAY_MS);
  const since30 = new Date(now.getTime() - 30 * DAY_MS);
  const [rows, configs] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT "gatewayConfigId",
        COALESCE(SUM(COALESCE("paidAmountCentavos", "amountCentavos")) FILTER (WHERE "paidAt" >= ${since7}), 0)::bigint AS "paid7",
        COALESCE(SUM("refundedCentavos") FILTER (WHERE "paidAt" >= ${since7}), 0)::bigint AS "refunded7",
        COUNT(*) FILTER (WHERE "paidAt" >= ${since7})::bigint AS "count7",
        COALESCE(SUM(COALESCE("paidAmountCentavos", "amountCentavos")), 0)::bigint AS "paid30",
        COALESCE(SUM("refundedCentavos"), 0)::bigint AS "refunded30",
        COUNT(*)::bigint AS "count30"
      FROM "PixCharge"
      WHERE "storeId" = ${storeId} AND "paidAt" IS NOT NULL AND "paidAt" >= ${since30} AND "paidAt" <= ${now}
      GROUP BY "gatewayConfigId"`,
    prisma.pixGatewayConfig.findMany({
      where: { storeId },
      select: { id: true, label: true, gateway: true, active: true },
      orderBy: [{ active: "desc" }, { priority: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const byConfig = new Map(rows.map((r) => [r.gatewayConfigId, r]));
  const period = (days: number, paid: bigint, refunded: bigint, count: bigint) => ({
    days,
    paid: Number(paid),
    refunded: Number(refunded),
    net: Number(paid) - Number(refunded),
    count: Number(count),
  });
  const view = (
    id: string | null,
    label: string | null,
    gateway: string | null,
    active: boolean,
  ): PixGatewayReceived => {
    const r = byConfig.get(id);
    return {
      gatewayConfigId: id,
      label,
      gateway,
      active,
      currency: "BRL",
      periods: [
        period(7, r?.paid7 ?? 0n, r?.refunded7 ?? 0n, r?.count7 ?? 0n),
        period(30, r?.paid30 ?? 0n, r?.refunded30 ?? 0n, r?.count30 ?? 0n),
      ],
    };
  };
  const out = configs
    .filter((c) => c.active || byConfig.has(c.id))
    .map((c) => view(c.id, c.label, c.gateway, c.active));
  // Charges whose configuration was deleted still count, under one row of their own.
  if (byConfig.has(null)) out.push(view(null, null, null, false));
  return out;
}
