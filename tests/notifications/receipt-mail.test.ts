// The buyer's receipt by email: a card order paid on the Stripe emulator and a PIX charge paid on
// the simulator (its webhook through the real route) each get the store's receipt, and the buyer
// gets exactly one email per payment — in the receipt's language, with its number, total and PDF —
// however often the jobs run. Read back from the mail catcher.
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellingSeller, systemCtx } from "../support/seller";
import { useStripeEmulator } from "../support/stripe";
import { addGateway, pixSeller, usePixSimulator, type PixSeller } from "../pix/support";
import { createPaymentIntent } from "@/lib/checkout/create-payment-intent";
import { BuyerInput } from "@/lib/checkout/sellable";
import { prisma } from "@/lib/db/client";
import { issueDueDocuments } from "@/lib/invoices/job";
import { enqueueReceiptEmails } from "@/lib/notifications/invoice-notices";
import { sendDueNotifications } from "@/lib/notifications/send";
import { createPixCharge } from "@/lib/pix/service/charges";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { syncStripeEvents } from "@/lib/webhooks/stripe/sync";
import { later, useMailCatcher } from "./support";

const pdfText = async (content: Buffer) =>
  (await new PDFParse({ data: new Uint8Array(content) }).getText()).text.replace(/\u00a0/g, " ");

/** The jobs, twice each, then everything due is sent (retries included). */
async function runJobsTwice() {
  for (let i = 0; i < 2; i++) {
    await issueDueDocuments();
    await enqueueReceiptEmails();
  }
  await sendDueNotifications({ now: later(new Date()) });
  await sendDueNotifications({ now: later(new Date(), 4) });
}

describe("receipt email to the buyer", () => {
  useTestDatabase();
  const stripe = useStripeEmulator();
  const pix = usePixSimulator();
  const mail = useMailCatcher();
  let push: PixSeller;

  beforeAll(async () => {
    process.env.RATE_LIMIT_WEBHOOK = "10000/minute";
    resetRateLimiters();
    clearTokenCache();
    push = await pixSeller("rcpt-mail-push");
    await addGateway(push, "pushinpay");
  });

  it("a paid card order: one email to the buyer with the receipt's number, total and PDF; a second order its own", async () => {
    const { store, priceId } = await sellingSeller(stripe(), { tag: "rcpt-mail", storeName: "Loja Cartão" });
    const buyer = "comprador.cartao@example.com";
    const payOnce = async (quantity: number) => {
      const pay = await createPaymentIntent(store.id, BuyerInput.parse({ priceId, quantity, customerEmail: buyer }), {
        audit: systemCtx,
      });
      await stripe().stripe.paymentIntents.confirm(
        pay.paymentIntentId,
        { payment_method: "pm_card_visa" },
        { stripeAccount: pay.stripeAccount },
      );
      await syncStripeEvents({ lookbackMinutes: 60 });
      return pay.orderId;
    };
    const firstOrder = await payOnce(2);
    await runJobsTwice();
    const receipt = await prisma.invoice.findFirstOrThrow({ where: { sourceType: "order", sourceId: firstOrder } });
    let messages = mail.to(buyer);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.subject).toBe(`Seu recibo de Loja Cartão (${receipt.displayNumber})`);
    const text = message!.text!.replace(/\u00a0/g, " ");
    expect(text).toContain("R$ 200,00");
    expect(text).toContain(receipt.displayNumber!);
    expect(text).toContain(`/receipt/${firstOrder}`);
    expect(text).not.toMatch(/sk_|whsec_|pi_[A-Za-z0-9]+_secret/);
    expect(message!.attachments).toHaveLength(1);
    const pdf = await pdfText(message!.attachments[0]!.content);
    expect(pdf).toContain(receipt.displayNumber!);
    expect(pdf).toContain("R$ 200,00");
    // The store's owner is not copied: the receipt is the buyer's.
    const owner = await prisma.store.findUniqueOrThrow({ where: { id: store.id }, include: { owner: true } });
    expect(mail.to(owner.owner.email).filter((m) => m.subject.includes(receipt.displayNumber!))).toEqual([]);

    const secondOrder = await payOnce(1);
    await runJobsTwice();
    const second = await prisma.invoice.findFirstOrThrow({ where: { sourceType: "order", sourceId: secondOrder } });
    messages = mail.to(buyer);
    expect(messages.map((m) => m.subject).sort()).toEqual(
      [
        `Seu recibo de Loja Cartão (${receipt.displayNumber})`,
        `Seu recibo de Loja Cartão (${second.displayNumber})`,
      ].sort(),
    );
  });

  it("a PIX charge paid through the gateway's webhook: one email to the buyer with the receipt's number and total", async () => {
    const view = await createPixCharge(push.store.id, push.audit, {
      amountCentavos: 4990,
      description: "Camiseta azul M",
      orderId: "pedido-rcpt-1",
      customer: { name: "Maria da Silva", email: "maria.pix@example.com" },
    });
    const charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    const { delivery } = await pix.sim().markPaid("pushinpay", charge.transactionId!);
    expect(delivery?.status).toBe(200);
    await runJobsTwice();
    const receipt = await prisma.invoice.findFirstOrThrow({ where: { sourceType: "pix_charge", sourceId: view.id } });
    const messages = mail.to("maria.pix@example.com");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toContain(receipt.displayNumber!);
    const text = messages[0]!.text!.replace(/\u00a0/g, " ");
    expect(text).toContain("R$ 49,90");
    expect(text).toContain("Camiseta azul M");
    expect(text).toContain("PIX");
    expect(messages[0]!.attachments).toHaveLength(1);
    expect(await pdfText(messages[0]!.attachments[0]!.content)).toContain(receipt.displayNumber!);
  });
});
