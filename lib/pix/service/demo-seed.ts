// The demo store's PIX setup: an active PushinPay config pointing at the local simulator and an
// inactive direct-key config. Idempotent (by gateway); the seed passes the simulator's credentials.
import "server-only";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { createGatewayConfig, updateGatewayConfig } from "./configs";

export type DemoPixInput = { pushinpay: Record<string, string>; directKey: { pix_key: string; merchant_name: string; merchant_city: string } };

export async function seedDemoPix(storeId: string, actor: AuditContext, input: DemoPixInput): Promise<{ created: string[] }> {
  const existing = new Set((await prisma.pixGatewayConfig.findMany({ where: { storeId }, select: { gateway: true } })).map((c) => c.gateway));
  const created: string[] = [];
  if (!existing.has("pushinpay")) {
    const config = await createGatewayConfig(storeId, actor, { gateway: "pushinpay", label: "PushinPay (simulador)", credentials: input.pushinpay });
    await updateGatewayConfig(storeId, actor, config.id, { active: true });
    created.push("pushinpay");
  }
  if (!existing.has("direct_key")) {
    await createGatewayConfig(storeId, actor, { gateway: "direct_key", label: "Chave Pix da loja", credentials: input.directKey });
    created.push("direct_key");
  }
  return { created };
}
