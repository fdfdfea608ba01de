// The demo store's PIX setup: an active, verified PushinPay config pointing at the local simulator
// and an inactive direct-key config. Idempotent (by gateway); the seed passes the simulator's
// credentials and runs with a simulator reachable at PIX_SIMULATOR_URL, so the verification is a
// real call — a config takes charges only after its gateway accepted the credentials.
import "server-only";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { createGatewayConfig, updateGatewayConfig, verifyGatewayConfig } from "./configs";

export type DemoPixInput = {
  pushinpay: Record<string, string>;
  directKey: { pix_key: string; merchant_name: string; merchant_city: string };
};

export async function seedDemoPix(
  storeId: string,
  actor: AuditContext,
  input: DemoPixInput,
): Promise<{ created: string[]; verified: string[] }> {
  const existing = await prisma.pixGatewayConfig.findMany({
    where: { storeId },
    select: { id: true, gateway: true, lastVerifyOk: true },
  });
  const has = (gateway: string) => existing.find((c) => c.gateway === gateway);
  const created: string[] = [];
  const verified: string[] = [];
  // A demo database from before verification was required gets its PushinPay verified too.
  let pushinpay = has("pushinpay");
  if (!pushinpay) {
    const config = await createGatewayConfig(storeId, actor, {
      gateway: "pushinpay",
      label: "PushinPay (simulador)",
      credentials: input.pushinpay,
    });
    pushinpay = { id: config.id, gateway: "pushinpay", lastVerifyOk: null };
    created.push("pushinpay");
  }
  if (pushinpay.lastVerifyOk !== true) {
    const result = await verifyGatewayConfig(storeId, actor, pushinpay.id);
    if (result.ok) {
      await updateGatewayConfig(storeId, actor, pushinpay.id, { active: true });
      verified.push("pushinpay");
    } else
      logger.warn(
        { error: result.error },
        "demo seed: the simulated PushinPay could not be verified; it stays inactive",
      );
  }
  if (!has("direct_key")) {
    await createGatewayConfig(storeId, actor, {
      gateway: "direct_key",
      label: "Chave Pix da loja",
      credentials: input.directKey,
    });
    created.push("direct_key");
  }
  return { created, verified };
}
