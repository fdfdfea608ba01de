// The hard-limit count holds under concurrency: 20 creations at once with one slot left yield exactly
// one. Meaningful on PostgreSQL (TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres),
// where the requests really run in parallel transactions; on PGlite they serialise anyway.
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { type ErrorJson, fillProducts, newProduct, params, planSeller } from "./support";
import { POST as productsPost } from "@/app/api/v1/products/route";
import { POST as storesPost } from "@/app/api/stores/route";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";

describe(`hard limits under concurrency (${testDatabaseKind()})`, () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("20 concurrent product creations with one slot left on Free create exactly one", async () => {
    await syncPlanCatalog();
    const s = await planSeller(stripe(), "race-products");
    await fillProducts(s.store.id, 9);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        productsPost(
          s.api("/api/v1/products", "POST", newProduct(`Corrida ${i}`), { "idempotency-key": `race-${i}` }),
          params(),
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    const other = await Promise.all(results.filter((r) => r.status !== 201 && r.status !== 403).map((r) => r.text()));
    expect(other).toEqual([]);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 403)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 403))
      expect(((await r.json()) as ErrorJson).error).toMatchObject({
        code: "plan_limit_reached",
        details: { limit: 10, used: 10 },
      });
    expect(await prisma.product.count({ where: { storeId: s.store.id, active: true } })).toBe(10);
    // The losers' Stripe products were archived: one active product at Stripe, the winner's.
    const accountId = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: s.store.id } })).accountId;
    const active = await stripe().stripe.products.list({ limit: 100, active: true }, { stripeAccount: accountId });
    expect(active.data).toHaveLength(1);
  });

  it("20 concurrent store creations by a Free seller with one store create none; with Starter's three and two used, exactly one", async () => {
    await syncPlanCatalog();
    const s = await planSeller(stripe(), "race-stores");
    const burst = () =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          storesPost(s.session("/api/stores", "POST", { name: `Loja ${i}`, currency: "BRL" }), params()),
        ),
      );
    expect((await burst()).every((r) => r.status === 403)).toBe(true);
    const starter = await prisma.platformPlan.findUniqueOrThrow({ where: { code: "starter" } });
    await prisma.platformSubscription.create({
      data: { storeId: s.store.id, planId: starter.id, status: "active", stripeSubscriptionId: "sub_race" },
    });
    await prisma.store.create({ data: { ownerId: s.user.id, name: "Segunda", slug: `segunda-${s.store.id}` } });
    const second = await burst();
    const statuses = second.map((r) => r.status);
    // A creation queued behind the lock waits its turn: never a 500 from a transaction timeout.
    const other = await Promise.all(second.filter((r) => r.status !== 201 && r.status !== 403).map((r) => r.text()));
    expect(other).toEqual([]);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 403)).toHaveLength(19);
    expect(await prisma.store.count({ where: { ownerId: s.user.id } })).toBe(3);
  });
});
