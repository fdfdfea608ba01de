// Customers (#16 item 5) through the real payment paths: card orders paid on the emulator reach the
// Connect webhook route, PIX charges are paid at the simulator and reach the PIX webhook route; the
// store's customer list and detail come from GET /api/v1/customers(/:id) with the store's API key.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { postRefund, system, useCardStore, waitFor } from "../orders/support";
import { addGateway, usePixSimulator } from "../pix/support";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { backfillCustomers } from "@/lib/customers/backfill";
import { recordOrderCustomer } from "@/lib/customers/record";
import { prisma } from "@/lib/db/client";
import { createPixCharge } from "@/lib/pix/service/charges";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { GET as listRoute } from "@/app/api/v1/customers/route";
import { GET as detailRoute } from "@/app/api/v1/customers/[id]/route";
import { POST as webhookRoute } from "@/app/api/webhooks/pix/[gateway]/[token]/route";
import type { TestStripe } from "../support/stripe";

const BUYER = {
  name: "Ana Compradora",
  email: "ana.buyer@example.com",
  document: "123.456.789-09",
  phone: "(11) 98888-7777",
};

async function api(route: unknown, apiKey: string, path: string, params: Record<string, string> = {}) {
  const res = await (route as (r: NextRequest, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(
    new NextRequest(new URL(path, "http://localhost:3000"), {
      headers: { authorization: `Bearer ${apiKey}`, "x-forwarded-for": "198.51.100.41" },
    }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, json: (await res.json()) as any };
}

describe("customers", () => {
  useTestDatabase();
  const { stripe, store } = useCardStore();
  const pix = usePixSimulator();

  /** A card payment of the store's price by this buyer email, paid through the emulator and its webhooks. */
  async function cardPayment(
    t: TestStripe,
    s: { store: { id: string }; priceId: string },
    orderId: string,
    email: string,
  ) {
    const pay = await createPaymentIntent(
      s.store.id,
      BuyerInput.parse({ priceId: s.priceId, orderId, customerEmail: email }),
      {
        audit: system,
      },
    );
    await t.stripe.paymentIntents.confirm(
      pay.paymentIntentId,
      { payment_method: "pm_card_visa" },
      { stripeAccount: pay.stripeAccount },
    );
    return waitFor(async () => {
      const o = await prisma.order.findUniqueOrThrow({ where: { id: pay.orderId } });
      return o.status === "PAID" && o.customerId !== null && o;
    });
  }

  async function pixPayment(s: Awaited<ReturnType<typeof store>>, amountCentavos: number, buyer = BUYER) {
    clearTokenCache();
    const view = await createPixCharge(s.store.id, s.audit, {
      amountCentavos,
      description: "Pedido PIX",
      orderId: `pix-${amountCentavos}`,
      customer: buyer,
    });
    const charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    await pix.sim().markPaid("pushinpay", charge.transactionId!);
    return prisma.pixCharge.findUniqueOrThrow({ where: { id: charge.id } });
  }

  const customersOf = (storeId: string) => prisma.customer.findMany({ where: { storeId }, include: { totals: true } });

  it("a buyer paying twice by card and once by PIX is one customer with the right totals; a refund and replays keep them right", async () => {
    const s = await store("cust-main");
    const config = await addGateway(s as never, "pushinpay");
    // The same person, typed two ways at two checkouts.
    const first = await cardPayment(stripe(), s, "PED-C1", "Ana.Buyer@Example.com ");
    const second = await cardPayment(stripe(), s, "PED-C2", "ana.buyer@example.com");
    const charge = await pixPayment(s, 4990);
    expect(charge.status).toBe("paid");

    const [customer] = await customersOf(s.store.id);
    expect(await customersOf(s.store.id)).toHaveLength(1);
    expect(customer).toMatchObject({
      email: "ana.buyer@example.com",
      name: "Ana Compradora",
      taxIdMasked: "***.456.789-**",
      phone: "11988887777",
      paymentsCount: 3,
    });
    expect(customer!.taxIdHash).not.toContain("12345678909");
    expect(customer!.totals).toEqual([
      expect.objectContaining({ currency: "BRL", paid: 10000 + 10000 + 4990, refunded: 0, payments: 3 }),
    ]);
    expect([first.customerId, second.customerId, charge.customerId]).toEqual([
      customer!.id,
      customer!.id,
      customer!.id,
    ]);

    // The API shows the customer with both kinds of payment.
    const detail = await api(detailRoute, s.apiKey, `/api/v1/customers/${customer!.id}`, { id: customer!.id });
    expect(detail.status).toBe(200);
    expect(detail.json.totals).toEqual([{ currency: "BRL", paid: 24990, refunded: 0, net: 24990, payments: 3 }]);
    expect(detail.json.payments.map((p: { kind: string }) => p.kind).sort()).toEqual(["card", "card", "pix"]);

    // A partial refund of one card order lowers the net once the webhook lands.
    const refund = await postRefund(s, second.id, { amount: 3000 }, "cust-refund-1");
    expect(refund.status).toBe(201);
    await waitFor(async () => {
      const t = await prisma.customerTotal.findUniqueOrThrow({
        where: { customerId_currency: { customerId: customer!.id, currency: "BRL" } },
      });
      return t.refunded === 3000 && t;
    });

    // Replays: the same webhook handlers again, concurrently, and the PIX webhook again, change nothing.
    await Promise.all([first.id, second.id, first.id, second.id].map((id) => recordOrderCustomer(id)));
    const hook = pix.forwarded.at(-1)!;
    const again = await (webhookRoute as unknown as (r: NextRequest, c: unknown) => Promise<Response>)(
      new NextRequest(new URL("/api/webhooks/pix/pushinpay/x", "http://localhost:3000"), {
        method: "POST",
        body: hook.request.body,
        headers: { "content-type": hook.request.contentType, "x-forwarded-for": "198.51.100.42" },
      }),
      { params: Promise.resolve({ gateway: "pushinpay", token: config.webhookUrl!.split("/").at(-1)! }) },
    );
    expect(again.status).toBe(200);
    const after = await customersOf(s.store.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.paymentsCount).toBe(3);
    expect(after[0]!.totals).toEqual([
      expect.objectContaining({ currency: "BRL", paid: 24990, refunded: 3000, payments: 3 }),
    ]);
    const listed = await api(listRoute, s.apiKey, "/api/v1/customers");
    expect(listed.json.data).toEqual([
      expect.objectContaining({ id: customer!.id, totals: [expect.objectContaining({ net: 21990 })] }),
    ]);
  });

  it("search by part of the email or name, the full CPF, or phone digits; keyset pages; two stores keep two customers", async () => {
    const s = await store("cust-search");
    await addGateway(s as never, "pushinpay");
    await cardPayment(stripe(), s, "PED-S1", "bruno@example.com");
    await pixPayment(s, 1500, { ...BUYER, email: "carla@example.com", name: "Carla Souza" });
    await cardPayment(stripe(), s, "PED-S3", "ana.buyer@example.com");
    const q = async (query: string) =>
      (await api(listRoute, s.apiKey, `/api/v1/customers?q=${encodeURIComponent(query)}`)).json.data.map(
        (c: { email: string }) => c.email,
      );
    expect(await q("BRUNO@")).toEqual(["bruno@example.com"]);
    expect(await q("souza")).toEqual(["carla@example.com"]);
    expect(await q("123.456.789-09")).toEqual(["carla@example.com"]);
    expect(await q("98888")).toEqual(["carla@example.com"]);
    expect(await q("456.789")).toEqual([]);
    expect(await q("nobody")).toEqual([]);

    // Newest purchase first, one per page, every customer once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; json: any } = await api(
        listRoute,
        s.apiKey,
        `/api/v1/customers?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.json.data.map((c: { email: string }) => c.email));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["ana.buyer@example.com", "carla@example.com", "bruno@example.com"]);
    expect((await api(listRoute, s.apiKey, "/api/v1/customers?cursor=garbage")).status).toBe(422);

    // The same email at another store is another customer; neither store sees the other's.
    const other = await store("cust-other");
    await cardPayment(stripe(), other, "PED-O1", "ana.buyer@example.com");
    const mine = await customersOf(s.store.id);
    const theirs = await customersOf(other.store.id);
    expect(theirs).toHaveLength(1);
    const anaHere = mine.find((c) => c.email === "ana.buyer@example.com")!;
    expect(theirs[0]!.id).not.toBe(anaHere.id);
    expect(theirs[0]!.totals).toEqual([expect.objectContaining({ paid: 10000, payments: 1 })]);
    const stranger = await api(detailRoute, other.apiKey, `/api/v1/customers/${anaHere.id}`, { id: anaHere.id });
    expect(stranger.status).toBe(404);
    expect(
      (await api(listRoute, other.apiKey, "/api/v1/customers")).json.data.map((c: { id: string }) => c.id),
    ).toEqual([theirs[0]!.id]);
  });

  it("the backfill rebuilds the customers of payments recorded before customers existed, once", async () => {
    const s = await store("cust-backfill");
    await addGateway(s as never, "pushinpay");
    await cardPayment(stripe(), s, "PED-B1", "dora@example.com");
    await pixPayment(s, 2500, { ...BUYER, email: "dora@example.com", name: "Dora" });
    // As if these payments predated lib/customers.
    await prisma.order.updateMany({ where: { storeId: s.store.id }, data: { customerId: null } });
    await prisma.pixCharge.updateMany({ where: { storeId: s.store.id }, data: { customerId: null } });
    await prisma.customerTotal.deleteMany({ where: { customer: { storeId: s.store.id } } });
    await prisma.customer.deleteMany({ where: { storeId: s.store.id } });

    expect(await backfillCustomers(s.store.id)).toEqual({ orders: 1, pixCharges: 1 });
    expect(await backfillCustomers(s.store.id)).toEqual({ orders: 0, pixCharges: 0 });
    const rebuilt = await customersOf(s.store.id);
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]).toMatchObject({ email: "dora@example.com", name: "Dora", paymentsCount: 2 });
    expect(rebuilt[0]!.totals).toEqual([expect.objectContaining({ currency: "BRL", paid: 12500, payments: 2 })]);
  });
});
