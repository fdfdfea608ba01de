import { prisma } from "@/lib/db/client";

export function listStripeEvents(opts: { status?: "RECEIVED" | "PROCESSING" | "PROCESSED" | "FAILED"; take?: number } = {}) {
  return prisma.stripeEvent.findMany({
    where: opts.status ? { status: opts.status } : undefined,
    select: { id: true, type: true, account: true, storeId: true, status: true, attempts: true, lastError: true, source: true, stripeCreated: true, receivedAt: true, processedAt: true },
    orderBy: { receivedAt: "desc" },
    take: opts.take ?? 100,
  });
}

export async function webhookHealth() {
  const [byStatus, deliveries, disabled] = await Promise.all([
    prisma.stripeEvent.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.callbackDelivery.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.callbackEndpoint.count({ where: { enabled: false, disabledReason: { not: null } } }),
  ]);
  const count = (rows: Array<{ status: string; _count: { _all: number } }>, s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return {
    events: { processed: count(byStatus, "PROCESSED"), failed: count(byStatus, "FAILED"), pending: count(byStatus, "RECEIVED") + count(byStatus, "PROCESSING") },
    callbacks: { delivered: count(deliveries, "SUCCEEDED"), failed: count(deliveries, "FAILED"), pending: count(deliveries, "PENDING") + count(deliveries, "DELIVERING") },
    disabledEndpoints: disabled,
  };
}
