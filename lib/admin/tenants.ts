// A tenant's money picture for the admin overview: prepaid credits (balance and the part held by
// open disputes) and PIX (gateways switched on, charges paid in the last 30 days).
import { prisma } from "@/lib/db/client";
import { listTenants } from "./users";

export const PIX_PAID_WINDOW_DAYS = 30;

export type TenantMoney = {
  credits: { balance: number; held: number } | null;
  pix: { activeGateways: number; gateways: number; paidCount: number; paidCentavos: number };
};

const EMPTY: TenantMoney = { credits: null, pix: { activeGateways: 0, gateways: 0, paidCount: 0, paidCentavos: 0 } };

/** Money figures for each store id (stores with nothing get zeros and no credit account). */
export async function tenantMoney(storeIds: string[], now = new Date()): Promise<Map<string, TenantMoney>> {
  const since = new Date(now.getTime() - PIX_PAID_WINDOW_DAYS * 86_400_000);
  const inStores = { storeId: { in: storeIds } };
  const [balances, gateways, paid] = await Promise.all([
    prisma.creditBalance.findMany({ where: inStores, select: { storeId: true, balance: true, held: true } }),
    prisma.pixGatewayConfig.groupBy({ by: ["storeId", "active"], where: inStores, _count: { _all: true } }),
    // Paid in the window, whatever happened afterwards (a refund does not unpay the sale).
    prisma.pixCharge.groupBy({
      by: ["storeId"],
      where: { ...inStores, paidAt: { gte: since, lte: now } },
      _count: { _all: true },
      _sum: { paidAmountCentavos: true, amountCentavos: true },
    }),
  ]);
  const out = new Map<string, TenantMoney>(storeIds.map((id) => [id, { credits: null, pix: { ...EMPTY.pix } }]));
  for (const b of balances) out.get(b.storeId)!.credits = { balance: b.balance, held: b.held };
  for (const g of gateways) {
    const pix = out.get(g.storeId)!.pix;
    pix.gateways += g._count._all;
    if (g.active) pix.activeGateways += g._count._all;
  }
  for (const p of paid) {
    const pix = out.get(p.storeId)!.pix;
    pix.paidCount = p._count._all;
    pix.paidCentavos = p._sum.paidAmountCentavos ?? p._sum.amountCentavos ?? 0;
  }
  return out;
}

export type TenantOverviewRow = Awaited<ReturnType<typeof listTenants>>[number] & { money: TenantMoney };

/** The admin tenants table: each store with its owner and money picture, newest first. */
export async function listTenantOverview(take = 100, now = new Date()): Promise<TenantOverviewRow[]> {
  const tenants = await listTenants(take);
  const money = await tenantMoney(
    tenants.map((t) => t.id),
    now,
  );
  return tenants.map((t) => ({ ...t, money: money.get(t.id) ?? EMPTY }));
}

/** Platform totals for the overview tiles. */
export async function platformMoneyTotals(now = new Date()) {
  const since = new Date(now.getTime() - PIX_PAID_WINDOW_DAYS * 86_400_000);
  const [credits, paid] = await Promise.all([
    prisma.creditBalance.aggregate({ _sum: { balance: true, held: true } }),
    prisma.pixCharge.aggregate({
      where: { paidAt: { gte: since, lte: now } },
      _count: { _all: true },
      _sum: { paidAmountCentavos: true },
    }),
  ]);
  return {
    creditsOutstanding: credits._sum.balance ?? 0,
    creditsHeld: credits._sum.held ?? 0,
    pixPaidCount: paid._count._all,
    pixPaidCentavos: paid._sum.paidAmountCentavos ?? 0,
  };
}
