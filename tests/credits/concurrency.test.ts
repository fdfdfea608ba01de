// Crediting exactly once when the webhook, the confirm call, the recovery sync and replays race
// (real concurrency on PostgreSQL with TEST_DATABASE_URL; serialised on PGlite), and concurrent
// spends that can never overdraw.
import { describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { ctx, testDatabaseKind, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { params, seller } from "./support";
import { prisma } from "@/lib/db/client";
import { appendEntry, inLedgerTx, verifyCreditLedger } from "@/lib/credits/ledger";
import { applyPaymentIntent, confirmPurchase, createPurchase, PurchaseInput } from "@/lib/credits/purchases";
import { ingestEvent } from "@/lib/webhooks/stripe/process";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";
import { POST as spendRoute } from "@/app/api/v1/credits/spend/route";

describe(`crediting once under concurrency (${testDatabaseKind()})`, () => {
  useTestDatabase();
  const stripe = useStripeEmulator(); // no webhook endpoints: the test delivers events itself

  it("webhook + confirm + recovery sync + replays at the same time credit one PURCHASE entry", async () => {
    const s = await seller("USD");
    const { purchase } = await createPurchase(s.store, PurchaseInput.parse({ packageId: "basic" }), {
      idempotencyKey: "race",
      audit: s.audit,
    });
    const piId = purchase.paymentIntentId!;
    await stripe().stripe.paymentIntents.confirm(piId, { payment_method: "pm_card_visa" });
    const event = (await stripe().stripe.events.list({ type: "payment_intent.succeeded", limit: 20 })).data.find(
      (e) => (e.data.object as Stripe.PaymentIntent).id === piId,
    )!;
    const pi = await stripe().stripe.paymentIntents.retrieve(piId);
    const system = { ...ctx, actor: { type: "system" as const, id: "race" } };
    const results = await Promise.all([
      ingestEvent(event, "webhook"),
      confirmPurchase(s.store.id, piId, s.audit),
      syncStripeEvents({ lookbackMinutes: 60 }),
      ingestEvent(event, "webhook"),
      applyPaymentIntent(pi, system),
      applyPaymentIntent(pi, system),
      confirmPurchase(s.store.id, piId, s.audit),
    ]);
    const credited = [results[1], results[4], results[5], results[6]].filter(
      (r) => (r as { credited: boolean }).credited,
    ).length;
    const entries = await prisma.creditLedgerEntry.findMany({ where: { storeId: s.store.id } });
    // The event pipeline may be the one that credited; either way exactly one entry exists.
    expect(credited).toBeLessThanOrEqual(1);
    expect(entries.map((e) => [e.kind, e.amount, e.seq, e.uniqueKey])).toEqual([
      ["PURCHASE", 100, 1, `purchase:${piId}`],
    ]);
    expect((await prisma.creditBalance.findUniqueOrThrow({ where: { storeId: s.store.id } })).balance).toBe(100);
    expect(await prisma.auditLog.count({ where: { action: "credits.purchase_credited", targetId: purchase.id } })).toBe(
      1,
    );
    expect((await prisma.creditPurchase.findUniqueOrThrow({ where: { id: purchase.id } })).status).toBe("SUCCEEDED");
    // A replay afterwards, by any path, changes nothing.
    await ingestEvent({ ...event, id: `${event.id}_replay` } as Stripe.Event, "sync");
    await confirmPurchase(s.store.id, piId, s.audit);
    expect(await prisma.creditLedgerEntry.count({ where: { storeId: s.store.id } })).toBe(1);
    expect((await verifyCreditLedger(s.store.id)).ok).toBe(true);
  });

  it("the recovery sync alone credits a purchase whose webhook never arrived, once however often it runs", async () => {
    const s = await seller("USD");
    const { purchase } = await createPurchase(s.store, PurchaseInput.parse({ packageId: "standard" }), {
      audit: s.audit,
    });
    await stripe().stripe.paymentIntents.confirm(purchase.paymentIntentId!, { payment_method: "pm_card_visa" });
    expect(await prisma.creditLedgerEntry.count({ where: { storeId: s.store.id } })).toBe(0);
    await syncStripeEvents({ lookbackMinutes: 60 });
    await syncStripeEvents({ lookbackMinutes: 60 });
    const entries = await prisma.creditLedgerEntry.findMany({ where: { storeId: s.store.id } });
    expect(entries.map((e) => [e.kind, e.amount, e.actorType])).toEqual([["PURCHASE", 500, "stripe"]]);
    expect((await prisma.creditPurchase.findUniqueOrThrow({ where: { id: purchase.id } })).status).toBe("SUCCEEDED");
  });

  it("20 concurrent spends of 10 against 100 credits: exactly 10 succeed, the rest 409, balance 0, seq gap-free", async () => {
    const s = await seller("USD");
    await inLedgerTx((tx) =>
      appendEntry(tx, {
        storeId: s.store.id,
        kind: "ADJUSTMENT",
        amount: 100,
        uniqueKey: "seed",
        reason: "test funds",
        actor: { type: "system" },
      }),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        spendRoute(
          s.call("/api/v1/credits/spend", "POST", { amount: 10, reason: "job" }, { "idempotency-key": `k-${i}` }),
          params(),
        ),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(10);
    expect(statuses.filter((x) => x === 409)).toHaveLength(10);
    for (const r of answers.filter((a) => a.status === 409))
      expect((await r.json()).error.code).toBe("insufficient_credits");
    const entries = await prisma.creditLedgerEntry.findMany({
      where: { storeId: s.store.id },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(entries.at(-1)!.balanceAfter).toBe(0);
    expect((await verifyCreditLedger(s.store.id)).ok).toBe(true);

    // The same Idempotency-Key sent 8 times at once: one spend, every answer the same body.
    await inLedgerTx((tx) =>
      appendEntry(tx, {
        storeId: s.store.id,
        kind: "ADJUSTMENT",
        amount: 50,
        uniqueKey: "seed-2",
        reason: "test funds",
        actor: { type: "system" },
      }),
    );
    const same = await Promise.all(
      Array.from({ length: 8 }, () =>
        spendRoute(
          s.call("/api/v1/credits/spend", "POST", { amount: 5, reason: "job" }, { "idempotency-key": "one-key" }),
          params(),
        ),
      ),
    );
    const bodies = await Promise.all(same.map((r) => r.json()));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toMatchObject({ balance: 45, entry: { kind: "SPEND", amount: -5 } });
    expect(await prisma.creditLedgerEntry.count({ where: { storeId: s.store.id, kind: "SPEND" } })).toBe(11);
  });
});
