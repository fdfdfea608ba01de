// The buyer gives the data the gateway needs on the payment page (issue #12): a charge created with
// `collectCustomer` that no gateway can take waits as awaiting_customer (no gateway, no BR Code);
// the public route validates what the buyer typed, creates the charge at the gateway (once, however
// often it is submitted) and the simulator's webhook then marks it paid. Through the real routes.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { GET as listCharges, POST as createCharge } from "@/app/api/v1/pix/charges/route";
import { GET as getCharge } from "@/app/api/v1/pix/charges/[id]/route";
import { GET as publicStatus } from "@/app/api/pix/charges/[id]/route";
import { POST as submitCustomer } from "@/app/api/public/pix/charges/[id]/customer/route";
import { getPublicPixCharge } from "@/lib/pix/service/charges";
import { reconcilePixCharges } from "@/lib/pix/service/reconciler";
import { addGateway, BUYER, callRoute, FIXTURES, pixSeller, usePixSimulator, type PixSeller } from "./support";

const CPF = "529.982.247-25";
const CPF_DIGITS = "52998224725";

describe("PIX buyer data asked on the payment page", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let seller: PixSeller;

  beforeAll(async () => {
    seller = await pixSeller("collect");
    // SyncPay is the only gateway: it wants name, email, CPF and phone.
    await addGateway(seller, "syncpay");
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_CHECKOUT = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
  });

  /** What a store sends when it knows the buyer's name and email but not their CPF or phone. */
  const create = (extra: Record<string, unknown> = {}) =>
    callRoute(createCharge, {
      apiKey: seller.apiKey,
      body: {
        amountCentavos: 4590,
        description: "Pedido 77 — caneca",
        orderId: "77",
        customer: { name: "Maria da Silva", email: "maria@example.com" },
        collectCustomer: true,
        ...extra,
      },
    });
  const submit = (id: string, body: unknown, ip = "198.51.100.40") =>
    callRoute(submitCustomer, {
      path: `/api/public/pix/charges/${id}/customer`,
      params: { id },
      body,
      headers: { "x-forwarded-for": ip },
    });
  const simChargesOf = (reference: string) =>
    pix
      .sim()
      .charges("syncpay")
      .filter((c) => c.reference === reference);
  const rowOf = (id: string) => db().prisma.pixCharge.findUniqueOrThrow({ where: { id } });

  it("without collectCustomer nothing changes: 422 naming the missing field, nothing stored", async () => {
    const before = await db().prisma.pixCharge.count({ where: { storeId: seller.store.id } });
    const res = await create({ collectCustomer: undefined });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "validation_failed", param: "customer.document" });
    expect(await db().prisma.pixCharge.count({ where: { storeId: seller.store.id } })).toBe(before);
  });

  it("with collectCustomer the charge waits for the buyer: no gateway, no BR Code, a pay URL; the page asks for CPF and phone only", async () => {
    const res = await create();
    expect(res.status).toBe(201);
    const c = res.json.charge;
    expect(c).toMatchObject({ status: "awaiting_customer", gateway: null, brCode: null, qrPngDataUrl: null });
    expect(c.payUrl).toBe(`${pix.front()}/pay/pix/${c.id}`);
    expect(new Date(c.expiresAt).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(simChargesOf(c.reference)).toHaveLength(0);

    const page = await getPublicPixCharge(c.id);
    expect(page).toMatchObject({
      status: "awaiting_customer",
      brCode: null,
      customerForm: { fields: ["document", "phone"], document: "cpf" },
    });
    // The buyer's page never shows the data the store sent.
    expect(JSON.stringify(page)).not.toContain("maria@example.com");
    const polled = await callRoute(publicStatus, { path: `/api/pix/charges/${c.id}`, params: { id: c.id } });
    expect(polled.json).toMatchObject({ status: "awaiting_customer", hasCode: false, pollAfterSeconds: null });

    // The seller lists it by its own status.
    const listed = await callRoute(listCharges, {
      apiKey: seller.apiKey,
      path: "/api/v1/pix/charges?status=awaiting_customer",
    });
    expect(listed.json.data.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it("refuses a CPF whose check digits fail, a missing or short phone, with stable codes — and calls no gateway", async () => {
    const { id, reference } = (await create()).json.charge;
    const badCpf = await submit(id, { document: "529.982.247-26", phone: "(11) 98888-7777" });
    expect(badCpf.status).toBe(422);
    expect(badCpf.json.error).toMatchObject({ code: "invalid_cpf", param: "document" });
    // The error never echoes what was typed.
    expect(badCpf.text).not.toContain("52998224726");
    const noPhone = await submit(id, { document: CPF });
    expect(noPhone.json.error).toMatchObject({
      code: "validation_failed",
      param: "phone",
      details: { reason: "missing_phone" },
    });
    const shortPhone = await submit(id, { document: CPF, phone: "9888-777" });
    expect(shortPhone.json.error).toMatchObject({ param: "phone", details: { reason: "invalid_phone" } });
    const unknownField = await submit(id, { document: CPF, phone: "11988887777", cpf: CPF });
    expect(unknownField.status).toBe(422);
    const malformed = await callRoute(submitCustomer, { params: { id }, raw: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("malformed_json");
    expect((await rowOf(id)).status).toBe("awaiting_customer");
    expect(simChargesOf(reference)).toHaveLength(0);
    const unknown = await submit("cl0000000000000000000000x", { document: CPF, phone: "11988887777" });
    expect(unknown.status).toBe(404);
  });

  it("valid data creates the charge at SyncPay with the CPF and phone as it wants them; its webhook marks it paid", async () => {
    const { id, reference } = (await create()).json.charge;
    const res = await submit(id, { document: CPF, phone: "+55 (11) 98888-7777" });
    expect(res.status).toBe(200);
    expect(res.json.charge).toMatchObject({ id, status: "pending", gateway: "syncpay", customerForm: null });
    expect(res.json.charge.brCode).toMatch(/^000201/);
    expect(res.json.charge.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    const [at] = simChargesOf(reference);
    expect((at!.received.body as { client: unknown }).client).toMatchObject({
      name: "Maria da Silva",
      email: "maria@example.com",
      cpf: CPF_DIGITS,
      phone: "11988887777",
    });
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", gateway: "syncpay", customer: { document: CPF_DIGITS } });
    // The reconciler picks it up like any other charge.
    expect(row.nextCheckAt).toBeInstanceOf(Date);

    // The seller sees the CPF masked; the audit trail never holds it.
    const detail = await callRoute(getCharge, { apiKey: seller.apiKey, params: { id } });
    expect(detail.json.charge.customer).toMatchObject({ document: "***.982.247-**", phone: "11988887777" });
    expect(detail.text).not.toContain(CPF_DIGITS);
    const audits = await db().prisma.auditLog.findMany({ where: { targetId: id } });
    expect(audits.map((a) => a.action)).toEqual(["pix_charge.awaiting_customer", "pix_charge.created"]);
    expect(JSON.stringify(audits.map(({ before, after }) => ({ before, after })))).not.toContain(CPF_DIGITS);
    expect(audits[1]).toMatchObject({ actorType: "system", actorId: "buyer" });

    const { delivery } = await pix.sim().markPaid("syncpay", at!.id);
    expect(delivery?.status).toBe(200);
    expect(pix.forwarded.at(-1)!.path).toContain("/api/webhooks/pix/syncpay/");
    expect(await rowOf(id)).toMatchObject({ status: "paid", paidAmountCentavos: 4590 });
    const polled = await callRoute(publicStatus, { path: `/api/pix/charges/${id}`, params: { id } });
    expect(polled.json).toMatchObject({ status: "paid" });
    // Once given, the data cannot be given again.
    const late = await submit(id, { document: CPF, phone: "11988887777" });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({
      code: "charge_not_awaiting_customer",
      details: { reason: "customer_given" },
    });
  });

  it("two submits at once create one gateway charge: one 200, one 409", async () => {
    const { id, reference } = (await create()).json.charge;
    const answers = await Promise.all([
      submit(id, { document: CPF, phone: "11988887777" }),
      submit(id, { document: CPF, phone: "11988887777" }),
      submit(id, { document: CPF, phone: "11988887777" }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(simChargesOf(reference)).toHaveLength(1);
    const row = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id }, include: { attempts: true } });
    expect(row.attempts.filter((a) => a.ok)).toHaveLength(1);
    expect(row.transactionId).toBe(simChargesOf(reference)[0]!.id);
  });

  it("after expiry a submit is a 409 and the charge expires; the reconciler expires the ones nobody answered", async () => {
    const first = (await create()).json.charge;
    const second = (await create()).json.charge;
    const past = new Date(Date.now() - 1000);
    await db().prisma.pixCharge.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { expiresAt: past } });

    const late = await submit(first.id, { document: CPF, phone: "11988887777" });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({
      code: "charge_not_awaiting_customer",
      details: { reason: "expired", status: "failed" },
    });
    expect(await rowOf(first.id)).toMatchObject({ status: "failed", failureCode: "expired", gateway: null });
    expect(simChargesOf(first.reference)).toHaveLength(0);
    // The buyer's page still opens, and says it expired.
    expect(await getPublicPixCharge(first.id)).toMatchObject({ status: "failed", customerForm: null });

    // A creation that never finished (the process died after the claim) expires well after its time;
    // one that may still be talking to a gateway is left alone.
    const stuck = (await create()).json.charge;
    const inFlight = (await create()).json.charge;
    await db().prisma.pixCharge.update({
      where: { id: stuck.id },
      data: { status: "pending", expiresAt: new Date(Date.now() - 11 * 60_000) },
    });
    await db().prisma.pixCharge.update({ where: { id: inFlight.id }, data: { status: "pending", expiresAt: past } });

    const report = await reconcilePixCharges();
    expect(report.failed).toBeGreaterThanOrEqual(2);
    expect(await rowOf(second.id)).toMatchObject({ status: "failed", failureCode: "expired" });
    expect(await rowOf(stuck.id)).toMatchObject({ status: "failed", failureCode: "expired" });
    expect(await rowOf(inFlight.id)).toMatchObject({ status: "pending" });
    const audit = await db().prisma.auditLog.findFirst({ where: { targetId: second.id, action: "pix_charge.failed" } });
    expect(audit).toBeTruthy();
  });

  it("when every gateway fails the charge goes back to awaiting the data, and the buyer's retry succeeds", async () => {
    const { id, reference } = (await create()).json.charge;
    pix.sim().setOutage("syncpay", true);
    try {
      const failed = await submit(id, { document: CPF, phone: "11988887777" });
      expect(failed.status).toBe(502);
      expect(failed.json.error.code).toBe("all_gateways_failed");
      expect(failed.json.error.message).not.toMatch(/syncpay/i);
    } finally {
      pix.sim().setOutage("syncpay", false);
    }
    const back = await db().prisma.pixCharge.findUniqueOrThrow({ where: { id }, include: { attempts: true } });
    expect(back).toMatchObject({ status: "awaiting_customer", gateway: null });
    // The store's data is what stays; the buyer types theirs again.
    expect(back.customer).toEqual({ name: "Maria da Silva", email: "maria@example.com" });
    expect(back.attempts).toMatchObject([{ ok: false, errorCode: "gateway_unavailable" }]);
    const retry = await submit(id, { document: CPF, phone: "11988887777" });
    expect(retry.status).toBe(200);
    expect(simChargesOf(reference)).toHaveLength(1);
  });

  it("without name and email from the store, the page asks for them too; a store with no gateway the buyer can unlock is refused at creation", async () => {
    const res = await create({ customer: undefined });
    expect(res.status).toBe(201);
    expect((await getPublicPixCharge(res.json.charge.id)).customerForm).toEqual({
      fields: ["name", "email", "document", "phone"],
      document: "cpf",
    });
    const filled = await submit(res.json.charge.id, { ...BUYER });
    expect(filled.status).toBe(200);

    // A split no amount can satisfy is not something the buyer can fix: the 422 stays.
    const other = await pixSeller("collect-split");
    await addGateway(other, "wiinpay", {
      credentials: { ...FIXTURES.wiinpay.credentials, user_id: "wiin_user_sim_self" },
      split: [{ recipientId: "wiin_partner", percentage: 1 }],
    });
    const refused = await callRoute(createCharge, {
      apiKey: other.apiKey,
      body: { amountCentavos: 900, description: "Split", collectCustomer: true },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.param).toBe("split");
  });
});
