// Every bad input of the issue answers a clear 4xx and writes nothing; spend replays; the ledger,
// CSV and series reads; admin packages, adjustments and verify; the older credit-module aliases.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { admin, creditWrites, packageOf, params, seller } from "./support";
import { prisma } from "@/lib/db/client";
import { appendEntry, inLedgerTx } from "@/lib/credits/ledger";
import { POST as purchasesRoute } from "@/app/api/v1/credits/purchases/route";
import { POST as confirmRoute } from "@/app/api/v1/credits/confirm/route";
import { POST as spendRoute } from "@/app/api/v1/credits/spend/route";
import { GET as ledgerRoute } from "@/app/api/v1/credits/ledger/route";
import { GET as exportRoute } from "@/app/api/v1/credits/ledger/export/route";
import { GET as seriesRoute } from "@/app/api/v1/credits/series/route";
import { GET as purchaseRoute } from "@/app/api/v1/credits/purchases/[id]/route";
import { GET as adminPackagesGet, POST as adminPackagesPost } from "@/app/api/v1/admin/credit-packages/route";
import { PATCH as adminPackagePatch } from "@/app/api/v1/admin/credit-packages/[id]/route";
import { POST as verifyRoute } from "@/app/api/v1/admin/credits/verify/route";
import { POST as adjustRoute } from "@/app/api/v1/admin/credits/adjust/route";
import { POST as createPiAlias } from "@/app/api/v1/create-payment-intent/route";
import { POST as confirmAlias } from "@/app/api/v1/confirm-payment/route";
import { GET as packagesAlias } from "@/app/api/v1/credit-packages/route";
import { GET as statusAlias } from "@/app/api/v1/payment-status/[paymentIntentId]/route";
import { GET as customerGet, POST as customerPost } from "@/app/api/v1/customer/route";
import { GET as pmsAlias } from "@/app/api/v1/payment-methods/route";
import { GET as pmAlias } from "@/app/api/v1/payment-methods/[id]/route";

async function fund(storeId: string, credits: number, key = `fund-${credits}-${Math.random()}`) {
  await inLedgerTx((tx) =>
    appendEntry(tx, {
      storeId,
      kind: "ADJUSTMENT",
      amount: credits,
      uniqueKey: key,
      reason: "test funds",
      actor: { type: "system" },
    }),
  );
}

describe("credits API: bad input, spend, reads, admin, aliases", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();

  it("refuses each bad purchase or confirm input with a clear 4xx and writes nothing", async () => {
    const s = await seller("USD");
    const before = await creditWrites(s.store.id);
    const post = (body: unknown) => purchasesRoute(s.call("/api/v1/credits/purchases", "POST", body), params());
    const cases: Array<[unknown, number, string]> = [
      [{ packageId: "no-such-package" }, 404, "unknown_package"],
      [{ packageId: (await packageOf("BRL", "basic")).id }, 404, "unknown_package"], // another currency's package
      [{ amount: 499 }, 400, "amount_out_of_bounds"],
      [{ amount: 100_001 }, 400, "amount_out_of_bounds"],
      [{ amount: -1000 }, 400, "amount_out_of_bounds"],
      [{ amount: 1000.5 }, 422, "validation_failed"],
      [{ amount: "Infinity" }, 422, "validation_failed"],
      [{ amount: null }, 422, "validation_failed"],
      [{}, 422, "validation_failed"],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status]);
      expect((await res.json()).error.code).toBe(code);
    }
    // Not-finite numbers cannot be JSON; a body that tries is malformed.
    const nan = await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", '{"amount": NaN}'), params());
    expect(nan.status).toBe(400);
    expect(await creditWrites(s.store.id)).toEqual(before);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: s.store.id } })).platformCustomerId).toBeNull();

    // One attempt key, two different purchases: 409, and the second package is not bought.
    const attempt = await purchasesRoute(
      s.call("/api/v1/credits/purchases", "POST", { packageId: "basic" }, { "idempotency-key": "attempt-x" }),
      params(),
    );
    expect(attempt.status).toBe(201);
    const reused = await purchasesRoute(
      s.call("/api/v1/credits/purchases", "POST", { packageId: "standard" }, { "idempotency-key": "attempt-x" }),
      params(),
    );
    expect(reused.status).toBe(409);
    expect((await reused.json()).error.code).toBe("idempotency_conflict");
    expect(await prisma.creditPurchase.count({ where: { storeId: s.store.id } })).toBe(1);
    const mine = await creditWrites(s.store.id);

    // Another store's PaymentIntent: 404, and neither store changes.
    const other = await seller("USD");
    const theirs = await (
      await purchasesRoute(other.call("/api/v1/credits/purchases", "POST", { packageId: "basic" }), params())
    ).json();
    await stripe().stripe.paymentIntents.confirm(theirs.purchase.paymentIntentId, { payment_method: "pm_card_visa" });
    const otherBefore = await creditWrites(other.store.id);
    const foreign = await confirmRoute(
      s.call("/api/v1/credits/confirm", "POST", { paymentIntentId: theirs.purchase.paymentIntentId }),
      params(),
    );
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("not_found");
    expect(
      (
        await purchaseRoute(
          s.call(`/api/v1/credits/purchases/${theirs.purchase.id}`),
          params({ id: theirs.purchase.id }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await statusAlias(
          s.call(`/api/v1/payment-status/${theirs.purchase.paymentIntentId}`),
          params({ paymentIntentId: theirs.purchase.paymentIntentId }),
        )
      ).status,
    ).toBe(404);
    expect(await creditWrites(s.store.id)).toEqual(mine);
    expect(await creditWrites(other.store.id)).toEqual(otherBefore);
    expect(
      (await confirmRoute(s.call("/api/v1/credits/confirm", "POST", { paymentIntentId: "not-a-pi" }), params())).status,
    ).toBe(422);
  });

  it("spend: Idempotency-Key required, over-balance 409, replay returns the first body, key reuse with other params 409", async () => {
    const s = await seller("USD");
    await fund(s.store.id, 100);
    const spend = (body: unknown, key?: string) =>
      spendRoute(s.call("/api/v1/credits/spend", "POST", body, key ? { "idempotency-key": key } : {}), params());
    const base = await creditWrites(s.store.id);

    const noKey = await spend({ amount: 10, reason: "job" });
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).error).toMatchObject({ code: "idempotency_key_required", param: "Idempotency-Key" });
    const over = await spend({ amount: 101, reason: "job" }, "over");
    expect(over.status).toBe(409);
    expect((await over.json()).error).toMatchObject({
      code: "insufficient_credits",
      details: { balance: 100, requested: 101 },
    });
    for (const bad of [
      { amount: 0, reason: "x" },
      { amount: -5, reason: "x" },
      { amount: 1.5, reason: "x" },
      { amount: 5 },
      { amount: 5, reason: "x", extra: 1 },
    ]) {
      expect((await spend(bad, `bad-${JSON.stringify(bad)}`)).status).toBe(422);
    }
    expect(await creditWrites(s.store.id)).toEqual(base);

    const first = await spend({ amount: 40, reason: "render", reference: "job-1" }, "spend-1");
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({
      balance: 60,
      entry: {
        kind: "SPEND",
        amount: -40,
        balanceAfter: 60,
        reason: "render",
        reference: "job-1",
        actorType: "api_key",
      },
    });
    await spend({ amount: 10, reason: "other" }, "spend-2");
    const replay = await spend({ amount: 40, reason: "render", reference: "job-1" }, "spend-1");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(body);
    const conflict = await spend({ amount: 41, reason: "render" }, "spend-1");
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.code).toBe("idempotency_conflict");
    expect(await creditWrites(s.store.id)).toMatchObject({ entries: 3, balance: 50 });

    // A seller session cannot spend: the spend API takes a store API key only.
    const session = await spendRoute(
      new (await import("next/server")).NextRequest("http://localhost:3000/api/v1/credits/spend", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "sess" },
        body: JSON.stringify({ amount: 1, reason: "x" }),
      }),
      params(),
    );
    expect(session.status).toBe(401);
  });

  it("reads the ledger with filters and cursor, exports CSV (formula-safe) and the bought/spent series", async () => {
    const s = await seller("USD");
    await fund(s.store.id, 300);
    for (let i = 0; i < 5; i++)
      await spendRoute(
        s.call(
          "/api/v1/credits/spend",
          "POST",
          { amount: 10 + i, reason: i === 0 ? '=HYPERLINK("x")' : `job ${i}` },
          { "idempotency-key": `l-${i}` },
        ),
        params(),
      );
    const page1 = await (await ledgerRoute(s.call("/api/v1/credits/ledger?limit=4"), params())).json();
    expect(page1.entries.map((e: { seq: number }) => e.seq)).toEqual([6, 5, 4, 3]);
    const page2 = await (
      await ledgerRoute(s.call(`/api/v1/credits/ledger?limit=4&cursor=${page1.nextCursor}`), params())
    ).json();
    expect(page2).toMatchObject({ nextCursor: null });
    expect(page2.entries.map((e: { seq: number }) => e.seq)).toEqual([2, 1]);
    const spends = await (await ledgerRoute(s.call("/api/v1/credits/ledger?kind=SPEND"), params())).json();
    expect(spends.entries).toHaveLength(5);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await (await ledgerRoute(s.call(`/api/v1/credits/ledger?from=${today}&to=${today}`), params())).json()).entries,
    ).toHaveLength(6);
    expect(
      (await (await ledgerRoute(s.call("/api/v1/credits/ledger?to=2000-01-01"), params())).json()).entries,
    ).toHaveLength(0);
    expect((await ledgerRoute(s.call("/api/v1/credits/ledger?kind=BOGUS"), params())).status).toBe(422);

    const csv = await exportRoute(s.call("/api/v1/credits/ledger/export?kind=SPEND"), params());
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("seq,created_at,kind,amount,balance_after,reference,reason,actor_type,actor_id");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain(`SPEND,-10,290,,"'=HYPERLINK(""x"")"`);

    await prisma.creditLedgerEntry.updateMany({
      where: { storeId: s.store.id, kind: "ADJUSTMENT" },
      data: { kind: "PURCHASE" },
    }); // count the funds as bought for the chart
    const { series } = await (await seriesRoute(s.call("/api/v1/credits/series?days=7"), params())).json();
    expect(series).toHaveLength(7);
    expect(series.at(-1)).toEqual({ date: today, bought: 300, spent: 60 });
    expect(series[0]).toMatchObject({ bought: 0, spent: 0 });
  });

  it("admin: edits packages (audited), adjusts with a reason, verify finds a tampered cached balance; sellers are refused", async () => {
    const a = await admin();
    const s = await seller("BRL");
    const list = await (await adminPackagesGet(a.call("/api/v1/admin/credit-packages"), params())).json();
    expect(list.packages.length).toBeGreaterThanOrEqual(4);
    const created = await adminPackagesPost(
      a.call("/api/v1/admin/credit-packages", "POST", {
        slug: "mega",
        name: "Mega",
        credits: 2000,
        amount: 80000,
        currency: "BRL",
        sortOrder: 3,
      }),
      params(),
    );
    expect(created.status).toBe(201);
    const mega = (await created.json()).package;
    expect(
      (
        await adminPackagesPost(
          a.call("/api/v1/admin/credit-packages", "POST", {
            slug: "mega",
            name: "Mega",
            credits: 2000,
            amount: 80000,
            currency: "BRL",
          }),
          params(),
        )
      ).status,
    ).toBe(409);
    const patched = await adminPackagePatch(
      a.call(`/api/v1/admin/credit-packages/${mega.id}`, "PATCH", { amount: 75000, active: false }),
      params({ id: mega.id }),
    );
    expect((await patched.json()).package).toMatchObject({ amount: 75000, active: false });
    expect(
      (
        await adminPackagePatch(
          a.call("/api/v1/admin/credit-packages/nope", "PATCH", { amount: 1 }),
          params({ id: "nope" }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await adminPackagePatch(
          a.call(`/api/v1/admin/credit-packages/${mega.id}`, "PATCH", { credits: -1 }),
          params({ id: mega.id }),
        )
      ).status,
    ).toBe(422);
    expect(
      await prisma.auditLog.count({
        where: { targetId: mega.id, action: { in: ["credits.package_created", "credits.package_updated"] } },
      }),
    ).toBe(2);
    // An inactive package cannot be bought.
    expect(
      (await purchasesRoute(s.call("/api/v1/credits/purchases", "POST", { packageId: mega.id }), params())).status,
    ).toBe(404);

    const noReason = await adjustRoute(
      a.call(
        "/api/v1/admin/credits/adjust",
        "POST",
        { storeId: s.store.id, amount: 50 },
        { "idempotency-key": "adj-0" },
      ),
      params(),
    );
    expect(noReason.status).toBe(422);
    expect(
      (
        await adjustRoute(
          a.call("/api/v1/admin/credits/adjust", "POST", { storeId: s.store.id, amount: 50, reason: "goodwill" }),
          params(),
        )
      ).status,
    ).toBe(400);
    const adj = await adjustRoute(
      a.call(
        "/api/v1/admin/credits/adjust",
        "POST",
        { storeId: s.store.id, amount: 50, reason: "goodwill" },
        { "idempotency-key": "adj-1" },
      ),
      params(),
    );
    expect(adj.status).toBe(201);
    expect(await adj.json()).toMatchObject({
      balance: 50,
      entry: { kind: "ADJUSTMENT", amount: 50, reason: "goodwill", actorType: "admin", actorId: a.user.id },
    });
    await adjustRoute(
      a.call(
        "/api/v1/admin/credits/adjust",
        "POST",
        { storeId: s.store.id, amount: 50, reason: "goodwill" },
        { "idempotency-key": "adj-1" },
      ),
      params(),
    );
    const tooMuch = await adjustRoute(
      a.call(
        "/api/v1/admin/credits/adjust",
        "POST",
        { storeId: s.store.id, amount: -51, reason: "correction" },
        { "idempotency-key": "adj-2" },
      ),
      params(),
    );
    expect(tooMuch.status).toBe(409);
    expect(await prisma.auditLog.count({ where: { storeId: s.store.id, action: "credits.adjusted" } })).toBe(1);
    expect(
      (
        await adjustRoute(
          a.call(
            "/api/v1/admin/credits/adjust",
            "POST",
            { storeId: "missing", amount: 5, reason: "goodwill" },
            { "idempotency-key": "adj-3" },
          ),
          params(),
        )
      ).status,
    ).toBe(404);

    expect(
      await (
        await verifyRoute(a.call("/api/v1/admin/credits/verify", "POST", { storeId: s.store.id }), params())
      ).json(),
    ).toEqual({ checked: 1, ok: true, mismatches: [] });
    await prisma.creditBalance.update({ where: { storeId: s.store.id }, data: { balance: 75 } });
    const tampered = await (
      await verifyRoute(
        a.call("/api/v1/admin/credits/verify", "POST", undefined, { "content-type": "application/json" }),
        params(),
      )
    ).json();
    expect(tampered.ok).toBe(false);
    expect(tampered.mismatches).toContainEqual(expect.objectContaining({ storeId: s.store.id, cached: 75, sum: 50 }));
    await prisma.creditBalance.update({ where: { storeId: s.store.id }, data: { balance: 50 } });
    await prisma.creditLedgerEntry.updateMany({ where: { storeId: s.store.id }, data: { balanceAfter: 49 } });
    expect(
      (
        await (
          await verifyRoute(a.call("/api/v1/admin/credits/verify", "POST", { storeId: s.store.id }), params())
        ).json()
      ).mismatches[0].problem,
    ).toMatch(/balanceAfter/);

    const sellerCookie = await (await import("./support")).sessionCookie(s.user.id);
    const refused = await verifyRoute(
      new (await import("next/server")).NextRequest("http://localhost:3000/api/v1/admin/credits/verify", {
        method: "POST",
        headers: { cookie: sellerCookie },
      }),
      params(),
    );
    expect(refused.status).toBe(403);
  });

  it("older credit-module aliases run the same functions, scoped to the caller's store", async () => {
    const s = await seller("USD");
    expect((await (await packagesAlias(s.call("/api/v1/credit-packages"), params())).json()).packages).toHaveLength(2);
    expect(await (await customerGet(s.call("/api/v1/customer"), params())).json()).toEqual({ customer: null });
    const made = await customerPost(s.call("/api/v1/customer", "POST"), params());
    expect(made.status).toBe(201);
    const customer = (await made.json()).customer;
    expect(customer).toMatchObject({ id: expect.stringMatching(/^cus_/), email: s.user.email });
    expect((await customerPost(s.call("/api/v1/customer", "POST"), params())).status).toBe(200);
    expect((await (await customerGet(s.call("/api/v1/customer"), params())).json()).customer.id).toBe(customer.id);

    const res = await createPiAlias(
      s.call("/api/v1/create-payment-intent", "POST", { packageId: "basic", savePaymentMethod: true }),
      params(),
    );
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      paymentIntentId: expect.stringMatching(/^pi_/),
      clientSecret: expect.any(String),
      purchase: { credits: 100, amount: 1000 },
    });
    expect((await stripe().stripe.paymentIntents.retrieve(created.paymentIntentId)).customer).toBe(customer.id); // reused, not a second customer
    const pending = await (
      await statusAlias(
        s.call(`/api/v1/payment-status/${created.paymentIntentId}`),
        params({ paymentIntentId: created.paymentIntentId }),
      )
    ).json();
    expect(pending).toMatchObject({ status: "PENDING", credited: false });
    await stripe().stripe.paymentIntents.confirm(created.paymentIntentId, { payment_method: "pm_card_mastercard" });
    const confirmed = await confirmAlias(
      s.call("/api/v1/confirm-payment", "POST", { paymentIntentId: created.paymentIntentId }),
      params(),
    );
    expect(await confirmed.json()).toMatchObject({ credited: true, purchase: { status: "SUCCEEDED" } });
    const status = await (
      await statusAlias(
        s.call(`/api/v1/payment-status/${created.paymentIntentId}`),
        params({ paymentIntentId: created.paymentIntentId }),
      )
    ).json();
    expect(status).toMatchObject({ status: "SUCCEEDED", credited: true });
    const { paymentMethods } = await (await pmsAlias(s.call("/api/v1/payment-methods"), params())).json();
    expect(paymentMethods).toEqual([expect.objectContaining({ brand: "mastercard", last4: "4444" })]);
    expect(
      (
        await (
          await pmAlias(s.call(`/api/v1/payment-methods/${paymentMethods[0].id}`), params({ id: paymentMethods[0].id }))
        ).json()
      ).paymentMethod.id,
    ).toBe(paymentMethods[0].id);
    expect((await pmAlias(s.call("/api/v1/payment-methods/pm_nope"), params({ id: "pm_nope" }))).status).toBe(404);
    const other = await seller("USD");
    expect(
      (
        await pmAlias(
          other.call(`/api/v1/payment-methods/${paymentMethods[0].id}`),
          params({ id: paymentMethods[0].id }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await confirmAlias(
          other.call("/api/v1/confirm-payment", "POST", { paymentIntentId: created.paymentIntentId }),
          params(),
        )
      ).status,
    ).toBe(404);
  });
});
