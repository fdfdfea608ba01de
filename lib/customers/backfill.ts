// Builds customers from payments recorded before lib/customers existed (or while it was off):
// every paid order and PIX charge with no customer yet goes through the same upsert as a live
// payment. Idempotent; safe to run again (`npx tsx scripts/backfill-customers.mts`).
import "server-only";
import { prisma } from "@/lib/db/client";
import { PAID_ORDER_STATUSES, PAID_PIX_STATES, recordOrderCustomer, recordPixChargeCustomerTx } from "./record";

const BATCH = 200;

export async function backfillCustomers(storeId?: string): Promise<{ orders: number; pixCharges: number }> {
  let orders = 0;
  let pixCharges = 0;
  let afterOrder: string | undefined;
  for (;;) {
    const batch = await prisma.order.findMany({
      where: {
        customerId: null,
        status: { in: [...PAID_ORDER_STATUSES] },
        ...(storeId ? { storeId } : {}),
        ...(afterOrder ? { id: { gt: afterOrder } } : {}),
      },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    // An order that names no buyer stays unlinked; the cursor moves past it.
    for (const o of batch) if (await recordOrderCustomer(o.id)) orders++;
    if (batch.length < BATCH) break;
    afterOrder = batch.at(-1)!.id;
  }
  let after: string | undefined;
  for (;;) {
    const batch = await prisma.pixCharge.findMany({
      where: {
        customerId: null,
        status: { in: [...PAID_PIX_STATES] },
        ...(storeId ? { storeId } : {}),
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const c of batch) if (await prisma.$transaction((tx) => recordPixChargeCustomerTx(tx, c))) pixCharges++;
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.id;
  }
  return { orders, pixCharges };
}
