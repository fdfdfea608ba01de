// Hard limits through the real routes: products per store (API key and dashboard session) and stores
// per seller, exactly at the limit and one over. A refusal is 403 plan_limit_reached with resource,
// limit, used and upgrade_url, and leaves nothing behind (no product here, none active at Stripe).
// Archived products do not count; restoring one counts as a creation. An upgrade lifts the limit.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { type ErrorJson, fillProducts, newProduct, params, planSeller, putOnPlan } from "./support";
import { POST as productsPost } from "@/app/api/v1/products/route";
import { PATCH as productPatch } from "@/app/api/v1/products/[id]/route";
import { POST as storesPost } from "@/app/api/stores/route";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";

const activeProducts = (storeId: string) => prisma.product.count({ where: { storeId, active: true } });

describe("hard plan limits", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("products: the 10th on Free is created, the 11th refused with the limit and the upgrade link, from the API and the dashboard", async () => {
    await syncPlanCatalog();
    const s = await planSeller(stripe(), "limit-products");
    await fillProducts(s.store.id, 8);
    await fillProducts(s.store.id, 2, false); // archived: they do not count
    const stripeAccount = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: s.store.id } })).accountId;
    const activeAtStripe = async () =>
      (await stripe().stripe.products.list({ limit: 100, active: true }, { stripeAccount })).data.length;

    const ninth = await productsPost(s.api("/api/v1/products", "POST", newProduct("Nono")), params());
    expect(ninth.status).toBe(201);
    const tenthKey = "tenth-product-key";
    const tenth = await productsPost(
      s.session("/api/v1/products", "POST", newProduct("Décimo"), { "idempotency-key": tenthKey }),
      params(),
    );
    expect(tenth.status).toBe(201);
    const tenthId = ((await tenth.json()) as { id: string }).id;
    expect(await activeProducts(s.store.id)).toBe(10);
    expect(await activeAtStripe()).toBe(2);

    for (const call of [s.api, s.session]) {
      const over = await productsPost(call("/api/v1/products", "POST", newProduct("Um a mais")), params());
      expect(over.status).toBe(403);
      const { error } = (await over.json()) as ErrorJson;
      expect(error.code).toBe("plan_limit_reached");
      expect(error.details).toEqual({
        resource: "products",
        limit: 10,
        used: 10,
        plan: "Free",
        upgrade_url: "http://localhost:3000/dashboard/plan",
      });
      expect(error.message).toContain("10 products");
    }
    // A retry of the creation that took the last slot gets its product back, not a refusal.
    const replay = await productsPost(
      s.session("/api/v1/products", "POST", newProduct("Décimo"), { "idempotency-key": tenthKey }),
      params(),
    );
    expect(replay.status).toBe(201);
    expect(((await replay.json()) as { id: string }).id).toBe(tenthId);
    // A new keyed request past the limit is refused under the lock and its Stripe product archived.
    const keyed = await productsPost(
      s.api("/api/v1/products", "POST", newProduct("Outro"), { "idempotency-key": "another-key" }),
      params(),
    );
    expect(keyed.status).toBe(403);
    expect(await activeProducts(s.store.id)).toBe(10);
    expect(await activeAtStripe()).toBe(2);

    // Restoring an archived product at the limit is a creation: refused; after archiving one, allowed.
    const archived = await prisma.product.findFirstOrThrow({ where: { storeId: s.store.id, active: false } });
    const restore = await productPatch(
      s.session(`/api/v1/products/${archived.id}`, "PATCH", { active: true }),
      params({ id: archived.id }),
    );
    expect(restore.status).toBe(403);
    expect(((await restore.json()) as ErrorJson).error.code).toBe("plan_limit_reached");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: archived.id } })).active).toBe(false);
    const archive = await productPatch(
      s.session(`/api/v1/products/${tenthId}`, "PATCH", { active: false }),
      params({ id: tenthId }),
    );
    expect(archive.status).toBe(200);
    const restored = await productPatch(
      s.session(`/api/v1/products/${archived.id}`, "PATCH", { active: true }),
      params({ id: archived.id }),
    );
    expect(restored.status).toBe(200);
    expect(await activeProducts(s.store.id)).toBe(10);

    // A lapsed paid plan is Free; a live one lifts the limit (Starter: 500).
    await putOnPlan(s.store.id, "starter", "past_due");
    expect((await productsPost(s.api("/api/v1/products", "POST", newProduct()), params())).status).toBe(403);
    await putOnPlan(s.store.id, "starter", "active");
    expect((await productsPost(s.api("/api/v1/products", "POST", newProduct()), params())).status).toBe(201);
    expect(await activeProducts(s.store.id)).toBe(11);
  });

  it("stores: Free allows one; a seller with Starter on a store gets three, and the fourth is refused", async () => {
    await syncPlanCatalog();
    const s = await planSeller(stripe(), "limit-stores");
    const create = (name: string) => storesPost(s.session("/api/stores", "POST", { name, currency: "BRL" }), params());

    const refused = await create("Segunda loja");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorJson).error).toMatchObject({
      code: "plan_limit_reached",
      details: { resource: "stores", limit: 1, used: 1, upgrade_url: "http://localhost:3000/dashboard/plan" },
    });
    expect(await prisma.store.count({ where: { ownerId: s.user.id } })).toBe(1);

    await putOnPlan(s.store.id, "starter", "trialing");
    expect((await create("Segunda loja")).status).toBe(201);
    expect((await create("Terceira loja")).status).toBe(201);
    const fourth = await create("Quarta loja");
    expect(fourth.status).toBe(403);
    expect(((await fourth.json()) as ErrorJson).error.details).toMatchObject({ limit: 3, used: 3 });
    expect(await prisma.store.count({ where: { ownerId: s.user.id } })).toBe(3);
  });
});
