// The buyer's receipt PDF routes: the id in the buyer's own link (order or PIX charge) is the proof;
// a paid payment's receipt downloads (issued on the spot when the invoices job has not run yet), in
// the language asked; an unknown, malformed, unpaid or other-kind id is the same 404.
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "../support/db";
import { sellingSeller, systemCtx } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { addGateway, pixSeller, usePixSimulator, type PixSeller } from "../pix/support";
import { GET as orderReceipt } from "@/app/api/public/orders/[id]/receipt/route";
import { GET as pixReceipt } from "@/app/api/public/pix/charges/[id]/receipt/route";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { prisma } from "@/lib/db/client";
import { createPixCharge } from "@/lib/pix/service/charges";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";

const pdfText = async (res: Response) =>
  (await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText()).text.replace(/\u00a0/g, " ");

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const get = (route: Route, path: string, id: string) =>
  route(new NextRequest(new URL(path, "http://localhost:3000")), { params: Promise.resolve({ id }) });
const orderPdf = (id: string, query = "") => get(orderReceipt as Route, `/api/public/orders/${id}/receipt${query}`, id);
const pixPdf = (id: string, query = "") =>
  get(pixReceipt as Route, `/api/public/pix/charges/${id}/receipt${query}`, id);

describe("buyer receipt PDF", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  const pix = usePixSimulator();
  let push: PixSeller;

  beforeAll(async () => {
    process.env.RATE_LIMIT_PUBLIC = "100000/minute";
    process.env.RATE_LIMIT_WEBHOOK = "100000/minute";
    resetRateLimiters();
    clearTokenCache();
    push = await pixSeller("rcpt-pdf-push");
    await addGateway(push, "pushinpay");
  });

  it("a paid card order's receipt downloads by its id; unpaid, unknown, malformed and other-kind ids are 404", async () => {
    const { store, priceId } = await sellingSeller(stripe(), { tag: "rcpt-pdf", storeName: "Loja PDF" });
    const start = () =>
      createPaymentIntent(store.id, BuyerInput.parse({ priceId, quantity: 1, customerEmail: "b@example.com" }), {
        audit: systemCtx,
        buyerLocale: "en",
      });
    const unpaid = await start();
    const paid = await start();
    await stripe().stripe.paymentIntents.confirm(
      paid.paymentIntentId,
      { payment_method: "pm_card_visa" },
      { stripeAccount: paid.stripeAccount },
    );
    await syncStripeEvents({ lookbackMinutes: 60 });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: paid.orderId } })).status).toBe("PAID");
    // The invoices job has not run: the first download issues the receipt, once.
    expect(await prisma.invoice.count({ where: { sourceType: "order", sourceId: paid.orderId } })).toBe(0);

    const res = await orderPdf(paid.orderId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const receipt = await prisma.invoice.findFirstOrThrow({ where: { sourceType: "order", sourceId: paid.orderId } });
    expect(res.headers.get("content-disposition")).toContain(`${receipt.displayNumber}.pdf`);
    // The buyer's language by default (recorded at checkout), the page's when it asks.
    const english = await pdfText(res);
    expect(english).toContain(receipt.displayNumber!);
    expect(english).toContain("Amount paid R$100.00");
    expect(await pdfText(await orderPdf(paid.orderId, "?locale=pt-BR"))).toContain("Valor pago R$ 100,00");
    expect((await orderPdf(paid.orderId)).status).toBe(200);
    expect(await prisma.invoice.count({ where: { sourceType: "order", sourceId: paid.orderId } })).toBe(1);

    for (const res of [
      await orderPdf(unpaid.orderId),
      await orderPdf("cl0000000000000000000000"),
      await orderPdf("../../etc"),
      // An order id on the PIX route: not that kind of receipt.
      await pixPdf(paid.orderId),
    ]) {
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });

  it("a paid PIX charge's receipt downloads by the charge id; a pending charge's is 404", async () => {
    const create = () =>
      createPixCharge(push.store.id, push.audit, {
        amountCentavos: 2590,
        description: "Caneca",
        customer: { name: "Maria da Silva", email: "maria@example.com" },
      });
    const pending = await create();
    const paidView = await create();
    const charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id: paidView.id } });
    expect((await pix.sim().markPaid("pushinpay", charge.transactionId!)).delivery?.status).toBe(200);

    const res = await pixPdf(paidView.id);
    expect(res.status).toBe(200);
    const text = await pdfText(res);
    const receipt = await prisma.invoice.findFirstOrThrow({
      where: { sourceType: "pix_charge", sourceId: paidView.id },
    });
    expect(text).toContain(receipt.displayNumber!);
    expect(text).toContain("R$ 25,90");
    expect(text).toContain("PIX");
    expect((await pixPdf(pending.id)).status).toBe(404);
    expect((await orderPdf(paidView.id)).status).toBe(404);
  });
});
