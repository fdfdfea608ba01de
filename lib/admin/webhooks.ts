import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { redactWebhookBody } from "./webhook-body";

export function listStripeEvents(
  opts: { status?: "RECEIVED" | "PROCESSING" | "PROCESSED" | "FAILED"; take?: number } = {},
) {
  return prisma.stripeEvent.findMany({
    where: opts.status ? { status: opts.status } : undefined,
    select: {
      id: true,
      type: true,
      account: true,
      storeId: true,
      status: true,
      attempts: true,
      lastError: true,
      source: true,
      stripeCreated: true,
      receivedAt: true,
      processedAt: true,
    },
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
  const count = (rows: Array<{ status: string; _count: { _all: number } }>, s: string) =>
    rows.find((r) => r.status === s)?._count._all ?? 0;
  return {
    events: {
      processed: count(byStatus, "PROCESSED"),
      failed: count(byStatus, "FAILED"),
      pending: count(byStatus, "RECEIVED") + count(byStatus, "PROCESSING"),
    },
    callbacks: {
      delivered: count(deliveries, "SUCCEEDED"),
      failed: count(deliveries, "FAILED"),
      pending: count(deliveries, "PENDING") + count(deliveries, "DELIVERING"),
    },
    disabledEndpoints: disabled,
  };
}

export const PIX_WEBHOOK_OUTCOMES = ["accepted", "ignored", "unmatched", "rejected", "error"] as const;
export type PixWebhookOutcome = (typeof PIX_WEBHOOK_OUTCOMES)[number];

/** The admin webhooks page's query string; anything unknown falls back to the defaults. */
export const PixWebhooksQuery = z.object({
  tab: z.enum(["stripe", "pix"]).catch("stripe"),
  outcome: z.enum(PIX_WEBHOOK_OUTCOMES).optional().catch(undefined),
});

export type PixWebhookRow = {
  id: string;
  receivedAt: Date;
  store: { id: string; name: string | null };
  gateway: string;
  configLabel: string | null;
  outcome: string;
  matchedBy: string | null;
  charge: { id: string; reference: string | null; amountCentavos: number | null; status: string | null } | null;
  detail: string | null;
  contentType: string | null;
  bodyBytes: number;
  /** Masked and truncated (lib/admin/webhook-body); null when the body cannot be shown safely. */
  bodyPreview: string | null;
};

/** Inbound PIX webhook deliveries across all stores, newest first, with store, configuration and matched charge resolved. */
export async function listPixWebhookEvents(
  opts: { outcome?: PixWebhookOutcome; take?: number } = {},
): Promise<PixWebhookRow[]> {
  const events = await prisma.pixWebhookEvent.findMany({
    where: opts.outcome ? { outcome: opts.outcome } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take ?? 100,
  });
  const ids = (pick: (e: (typeof events)[number]) => string | null) => [
    ...new Set(events.map(pick).filter((v): v is string => !!v)),
  ];
  const [stores, configs, charges] = await Promise.all([
    prisma.store.findMany({ where: { id: { in: ids((e) => e.storeId) } }, select: { id: true, name: true } }),
    prisma.pixGatewayConfig.findMany({
      where: { id: { in: ids((e) => e.gatewayConfigId) } },
      select: { id: true, label: true },
    }),
    prisma.pixCharge.findMany({
      where: { id: { in: ids((e) => e.matchedChargeId) } },
      select: { id: true, reference: true, amountCentavos: true, status: true },
    }),
  ]);
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const label = new Map(configs.map((c) => [c.id, c.label]));
  const charge = new Map(charges.map((c) => [c.id, c]));
  return events.map((e) => {
    const c = e.matchedChargeId ? charge.get(e.matchedChargeId) : undefined;
    return {
      id: e.id,
      receivedAt: e.createdAt,
      store: { id: e.storeId, name: storeName.get(e.storeId) ?? null },
      gateway: e.gateway,
      configLabel: label.get(e.gatewayConfigId) ?? null,
      outcome: e.outcome,
      matchedBy: e.matchedBy,
      charge: e.matchedChargeId
        ? {
            id: e.matchedChargeId,
            reference: c?.reference ?? null,
            amountCentavos: c?.amountCentavos ?? null,
            status: c?.status ?? null,
          }
        : null,
      detail: e.detail,
      contentType: e.contentType,
      bodyBytes: Buffer.byteLength(e.body, "utf8"),
      bodyPreview: redactWebhookBody(e.body, e.contentType),
    };
  });
}

/** PIX webhook deliveries per outcome over the last `hours` (default 24). */
export async function pixWebhookHealth(
  now = new Date(),
  hours = 24,
): Promise<Record<PixWebhookOutcome, number> & { total: number }> {
  const rows = await prisma.pixWebhookEvent.groupBy({
    by: ["outcome"],
    where: { createdAt: { gte: new Date(now.getTime() - hours * 3_600_000) } },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(
    PIX_WEBHOOK_OUTCOMES.map((o) => [o, rows.find((r) => r.outcome === o)?._count._all ?? 0]),
  ) as Record<PixWebhookOutcome, number>;
  return { ...counts, total: rows.reduce((n, r) => n + r._count._all, 0) };
}
