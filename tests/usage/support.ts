// Usage tests: a seller with a store API key, a plan with the limits and overage a test needs
// (subscribed, active), requests through the real routes, credits top-ups, and the in-memory
// meter reset between files.
import { afterAll } from "vitest";
import { NextRequest } from "next/server";
import { randomBytes } from "node:crypto";
import { ctx } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { createApiKey } from "@/lib/auth/api-keys";
import { appendEntry, inLedgerTx } from "@/lib/credits/ledger";
import { prisma } from "@/lib/db/client";
import { forgetKnownAlerts } from "@/lib/usage/alerts";
import { resetGates } from "@/lib/usage/gate";
import { stopMeterTimer } from "@/lib/usage/meter";
import type { OverageRule } from "@/lib/usage/plan";

export const APP = "http://localhost:3000";
export const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });

/** Stops the meter's background flush when the file ends (the database goes away). */
export function useUsageIsolation() {
  afterAll(() => stopMeterTimer());
}

export async function usageSeller() {
  const seller = await sellerWithStore({ tag: "usage" });
  const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "usage" }, seller.audit);
  const call = (url: string, method = "GET", body?: unknown, headers: Record<string, string> = {}) =>
    new NextRequest(new URL(url, APP), {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return { ...seller, secret, call };
}

type PlanSpec = { limits: Record<string, number | null>; overage?: Record<string, OverageRule>; status?: string };

/** Puts the store on a new plan with these limits (an active subscription); positions are re-read at once. */
export async function putOnPlan(storeId: string, spec: PlanSpec) {
  const code = `t_${randomBytes(4).toString("hex")}`;
  const plan = await prisma.platformPlan.create({
    data: {
      code,
      name: `Plan ${code}`,
      amount: 1000,
      currency: "BRL",
      feePercentBps: 100,
      limits: spec.limits,
      overage: spec.overage ?? {},
    },
  });
  await prisma.platformSubscription.upsert({
    where: { storeId },
    create: { storeId, planId: plan.id, status: spec.status ?? "active" },
    update: { planId: plan.id, status: spec.status ?? "active" },
  });
  resetGates();
  forgetKnownAlerts();
  return plan;
}

/** Adds credits to the store's balance (an admin adjustment on the ledger). */
export async function topUp(storeId: string, credits: number, key = randomBytes(6).toString("hex")) {
  await inLedgerTx((tx) =>
    appendEntry(tx, {
      storeId,
      kind: "ADJUSTMENT",
      amount: credits,
      uniqueKey: `test-topup:${key}`,
      reason: "test",
      actor: { type: "system" },
    }),
  );
}

export async function balanceOf(storeId: string) {
  return (await prisma.creditBalance.findUnique({ where: { storeId } }))?.balance ?? 0;
}

export async function counter(storeId: string, resource: string) {
  const rows = await prisma.usageCounter.findMany({ where: { storeId, resource } });
  return rows.reduce((a, r) => a + r.quantity, 0);
}

export const systemAudit = { ...ctx, actor: { type: "system" as const, id: "usage-test" } };
