// Managing coupons through the real routes on the emulator: platform coupons by the admin (on the
// platform account), store coupons by a seller (on its connected account), codes unique per scope
// regardless of case, bad input refused before anything is written (here or in Stripe), deactivation
// reaching Stripe, every change audited, and no seller ever seeing another store's coupons.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { sessionCookie } from "../support/session";
import { useStripeEmulator } from "../support/stripe";
import { adminCaller, caller, inDays, jsonOf, params, platformCoupon, storeCoupon, storeSeller } from "./support";
import { GET as adminList, POST as adminCreate } from "@/app/api/v1/admin/coupons/route";
import { POST as adminAddCode } from "@/app/api/v1/admin/coupons/[id]/promotion-codes/route";
import { POST as adminDeactivate } from "@/app/api/v1/admin/coupons/[id]/deactivate/route";
import { GET as storeList } from "@/app/api/v1/coupons/route";
import { GET as storeGet } from "@/app/api/v1/coupons/[id]/route";
import { POST as storeAddCode } from "@/app/api/v1/coupons/[id]/promotion-codes/route";
import { POST as storeDeactivate } from "@/app/api/v1/coupons/[id]/deactivate/route";
import { POST as storeDeactivateCode } from "@/app/api/v1/coupons/[id]/promotion-codes/[codeId]/deactivate/route";
import { syncPlanCatalog } from "@/lib/billing/catalog";
import { prisma } from "@/lib/db/client";

describe("coupon management", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  beforeAll(() => syncPlanCatalog());

  it("the admin creates a platform coupon with a code; both exist on the platform account as asked", async () => {
    const admin = await adminCaller();
    const res = await adminCreate(
      admin.call("/api/v1/admin/coupons", "POST", {
        name: "Boas-vindas",
        percentOffBps: 1250,
        duration: "repeating",
        durationInMonths: 3,
        maxRedemptions: 100,
        redeemBy: inDays(30),
        plans: ["starter"],
        firstTimeOnly: true,
        promotionCode: { code: "bemvindo", maxRedemptions: 50, expiresAt: inDays(20) },
      }),
      params(),
    );
    const { status, body } = await jsonOf(res);
    expect(status).toBe(201);
    expect(body.coupon).toMatchObject({
      scope: "PLATFORM",
      percentOffBps: 1250,
      duration: "repeating",
      durationInMonths: 3,
      appliesTo: ["starter"],
      promotionCodes: [{ code: "BEMVINDO", maxRedemptions: 50, active: true }],
    });
    const coupon = await stripe().stripe.coupons.retrieve(body.coupon.stripeCouponId);
    expect(coupon).toMatchObject({
      percent_off: 12.5,
      duration: "repeating",
      duration_in_months: 3,
      max_redemptions: 100,
      metadata: { vitrineCouponId: body.coupon.id, scope: "PLATFORM" },
    });
    const promo = await stripe().stripe.promotionCodes.retrieve(body.coupon.promotionCodes[0].stripePromotionCodeId);
    expect(promo).toMatchObject({ code: "BEMVINDO", active: true, max_redemptions: 50 });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "coupon.created", targetId: body.coupon.id },
    });
    expect(audit.actorId).toBe(admin.user.id);
  });

  it.each([
    [{ name: "x", percentOffBps: 1000, amountOff: 500, currency: "BRL" }, "percentOffBps"],
    [{ name: "x", amountOff: 500 }, "currency"],
    [{ name: "x", percentOffBps: 1000, duration: "repeating" }, "durationInMonths"],
    [{ name: "x", percentOffBps: 10_001 }, "percentOffBps"],
    [{ name: "x", percentOffBps: 1000, redeemBy: "2020-01-01T00:00:00Z" }, "redeemBy"],
    [{ name: "x", percentOffBps: 1000, plans: ["no-such-plan"] }, "plans"],
    [{ name: "x", percentOffBps: 1000, promotionCode: { code: "no spaces" } }, "promotionCode.code"],
    [
      { name: "x", percentOffBps: 1000, promotionCode: { code: "MIN10", minimumAmount: 100 } },
      "promotionCode.minimumAmount",
    ],
  ])("refuses %j with 422 on %s and writes nothing", async (body, param) => {
    const admin = await adminCaller();
    const before = await Promise.all([
      prisma.coupon.count(),
      (await stripe().stripe.coupons.list({ limit: 100 })).data.length,
    ]);
    const { status, body: out } = await jsonOf(
      await adminCreate(admin.call("/api/v1/admin/coupons", "POST", body), params()),
    );
    expect(status).toBe(422);
    expect(out.error).toMatchObject({ code: "validation_failed", param });
    const after = await Promise.all([
      prisma.coupon.count(),
      (await stripe().stripe.coupons.list({ limit: 100 })).data.length,
    ]);
    expect(after).toEqual(before);
  });

  it("keeps codes unique per scope whatever their case, and lists with a keyset cursor", async () => {
    const admin = await adminCaller();
    const first = await platformCoupon(admin.call, { name: "A", percentOffBps: 500, promotionCode: { code: "UNICO" } });
    const dup = await jsonOf(
      await adminCreate(
        admin.call("/api/v1/admin/coupons", "POST", {
          name: "B",
          percentOffBps: 500,
          promotionCode: { code: "unico" },
        }),
        params(),
      ),
    );
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "already_exists", param: "promotionCode.code" });
    const again = await jsonOf(
      await adminAddCode(
        admin.call(`/api/v1/admin/coupons/${first.id}/promotion-codes`, "POST", { code: "Unico" }),
        params({ id: first.id }),
      ),
    );
    expect(again.status).toBe(409);
    // The same code is free in a store's scope: store codes are another namespace.
    const seller = await storeSeller(stripe(), "scope");
    await storeCoupon(seller.api, { name: "Loja", percentOffBps: 500, promotionCode: { code: "UNICO" } });

    for (const n of [1, 2, 3]) await platformCoupon(admin.call, { name: `Page ${n}`, percentOffBps: 100 * n });
    const page1 = await jsonOf(await adminList(admin.call("/api/v1/admin/coupons?limit=2"), params()));
    expect(page1.body.data).toHaveLength(2);
    const page2 = await jsonOf(
      await adminList(admin.call(`/api/v1/admin/coupons?limit=2&cursor=${page1.body.nextCursor}`), params()),
    );
    const ids = [...page1.body.data, ...page2.body.data].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(undefined);
    expect(page1.body.data.every((c: { scope: string }) => c.scope === "PLATFORM")).toBe(true);
  });

  it("deactivating reaches Stripe: the code is switched off and the coupon deleted; audited once", async () => {
    const admin = await adminCaller();
    const c = await platformCoupon(admin.call, {
      name: "Fim",
      percentOffBps: 2000,
      promotionCode: { code: "FIMDEANO" },
    });
    const extra = await jsonOf(
      await adminAddCode(
        admin.call(`/api/v1/admin/coupons/${c.id}/promotion-codes`, "POST", { code: "FIM2" }),
        params({ id: c.id }),
      ),
    );
    expect(extra.status).toBe(201);
    const res = await jsonOf(
      await adminDeactivate(admin.call(`/api/v1/admin/coupons/${c.id}/deactivate`, "POST"), params({ id: c.id })),
    );
    expect(res.status).toBe(200);
    expect(res.body.coupon.active).toBe(false);
    expect(res.body.coupon.promotionCodes.every((p: { active: boolean }) => !p.active)).toBe(true);
    const promo = await stripe().stripe.promotionCodes.retrieve(c.promotionCodes[0].stripePromotionCodeId);
    expect(promo.active).toBe(false);
    await expect(stripe().stripe.coupons.retrieve(c.stripeCouponId)).rejects.toMatchObject({ statusCode: 404 });
    // A repeat is answered with the same state and audited once.
    await adminDeactivate(admin.call(`/api/v1/admin/coupons/${c.id}/deactivate`, "POST"), params({ id: c.id }));
    expect(await prisma.auditLog.count({ where: { action: "coupon.deactivated", targetId: c.id } })).toBe(1);
  });

  it("only admins reach the admin routes", async () => {
    const seller = await sellerWithStore({ tag: "notadmin" });
    const asSeller = caller({ cookie: await sessionCookie(seller.user.id), origin: "http://localhost:3000" });
    expect((await adminList(asSeller("/api/v1/admin/coupons"), params())).status).toBe(403);
    expect((await adminList(caller({})("/api/v1/admin/coupons"), params())).status).toBe(401);
  });

  it("a seller's store coupon lives on its connected account; another seller can neither see nor change it", async () => {
    const a = await storeSeller(stripe(), "store-a");
    const b = await storeSeller(stripe(), "store-b");
    const coupon = await storeCoupon(a.api, {
      name: "Cupom de inverno",
      amountOff: 1500,
      currency: "BRL",
      productIds: [a.product.id],
      promotionCode: { code: "inverno15", minimumAmount: 5000 },
    });
    expect(coupon).toMatchObject({ scope: "STORE", amountOff: 1500, currency: "BRL", appliesTo: [a.product.id] });
    const account = (await prisma.stripeAccount.findUniqueOrThrow({ where: { storeId: a.store.id } })).accountId;
    const inStripe = await stripe().stripe.coupons.retrieve(coupon.stripeCouponId, {}, { stripeAccount: account });
    expect(inStripe).toMatchObject({ amount_off: 1500, currency: "brl" });
    const promo = await stripe().stripe.promotionCodes.retrieve(
      coupon.promotionCodes[0].stripePromotionCodeId,
      {},
      { stripeAccount: account },
    );
    expect(promo.restrictions).toMatchObject({ minimum_amount: 5000, minimum_amount_currency: "brl" });
    // Not on the platform account.
    await expect(stripe().stripe.coupons.retrieve(coupon.stripeCouponId)).rejects.toMatchObject({ statusCode: 404 });

    expect((await jsonOf(await storeList(b.api("/api/v1/coupons"), params()))).body.data).toEqual([]);
    expect((await storeGet(b.api(`/api/v1/coupons/${coupon.id}`), params({ id: coupon.id }))).status).toBe(404);
    expect(
      (await storeDeactivate(b.api(`/api/v1/coupons/${coupon.id}/deactivate`, "POST"), params({ id: coupon.id })))
        .status,
    ).toBe(404);
    expect(
      (
        await storeAddCode(
          b.api(`/api/v1/coupons/${coupon.id}/promotion-codes`, "POST", { code: "HACK" }),
          params({ id: coupon.id }),
        )
      ).status,
    ).toBe(404);
    // Someone else's product cannot be named.
    const foreign = await jsonOf(
      await (await import("@/app/api/v1/coupons/route")).POST(
        b.api("/api/v1/coupons", "POST", { name: "x", percentOffBps: 100, productIds: [a.product.id] }),
        params(),
      ),
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.param).toBe("productIds");

    const listed = await jsonOf(await storeList(a.session("/api/v1/coupons"), params()));
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([coupon.id]);
    const codeId = coupon.promotionCodes[0].id;
    const off = await jsonOf(
      await storeDeactivateCode(
        a.api(`/api/v1/coupons/${coupon.id}/promotion-codes/${codeId}/deactivate`, "POST"),
        params({ id: coupon.id, codeId }),
      ),
    );
    expect(off.body.promotionCode.active).toBe(false);
    const after = await stripe().stripe.promotionCodes.retrieve(promo.id, {}, { stripeAccount: account });
    expect(after.active).toBe(false);
  });

  it("a store without a connected account gets 409 account_not_connected and nothing is written", async () => {
    const seller = await sellerWithStore({ tag: "noacct" });
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "k" }, seller.audit);
    const api = caller({ authorization: `Bearer ${secret}` });
    const res = await jsonOf(
      await (await import("@/app/api/v1/coupons/route")).POST(
        api("/api/v1/coupons", "POST", { name: "x", percentOffBps: 100 }),
        params(),
      ),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("account_not_connected");
    expect(await prisma.coupon.count({ where: { storeId: seller.store.id } })).toBe(0);
  });
});
