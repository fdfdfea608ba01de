// Receipts in the BUYER's language (#17 item 5): the pay page records the buyer's language (locale
// cookie, else Accept-Language) on the order or PIX charge, and the receipt — its email and its
// PDF — is in that language whatever the currency. Card, PIX and boleto each give exactly one
// receipt email; a boleto also gives exactly one voucher email when generated. Read back from the
// mail catcher, through the real public routes, the Stripe emulator and the PIX simulator.
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { waitFor } from "../webhooks/support";
import { caller, jsonOf, params, storeSeller, useEmulatorWithWebhooks } from "../coupons/support";
import { addGateway, pixSeller, usePixSimulator, type PixSeller } from "../pix/support";
import { later, useMailCatcher } from "./support";
import { POST as publicPayment } from "@/app/api/public/payment-intents/route";
import { POST as boletoRoute } from "@/app/api/public/payment-intents/boleto/route";
import { prisma } from "@/lib/db/client";
import { issueDueDocuments } from "@/lib/invoices/job";
import { enqueueReceiptEmails } from "@/lib/notifications/invoice-notices";
import { sendDueNotifications } from "@/lib/notifications/send";
import { createPixCharge } from "@/lib/pix/service/charges";
import { clearTokenCache } from "@/lib/pix/token-cache";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";

const pdfText = async (content: Buffer) =>
  (await new PDFParse({ data: new Uint8Array(content) }).getText()).text.replace(/\u00a0/g, " ");

async function runJobsTwice() {
  for (let i = 0; i < 2; i++) {
    await issueDueDocuments();
    await enqueueReceiptEmails();
  }
  await sendDueNotifications({ now: later(new Date()) });
  await sendDueNotifications({ now: later(new Date(), 4) });
}

const buyerFrom = (headers: Record<string, string>) => caller({ origin: "http://localhost:3000", ...headers });

describe("receipts in the buyer's language", () => {
  useTestDatabase();
  const { stripe } = useEmulatorWithWebhooks();
  const pix = usePixSimulator();
  const mail = useMailCatcher();
  let push: PixSeller;

  beforeAll(async () => {
    resetRateLimiters();
    clearTokenCache();
    push = await pixSeller("rcpt-lang-push");
    await addGateway(push, "pushinpay");
  });

  /** A buyer on the pay page (their language in `headers`) pays by card; returns the order id once paid. */
  async function payByCard(priceId: string, email: string, headers: Record<string, string>, key: string) {
    const started = await jsonOf(
      await publicPayment(
        buyerFrom(headers)(
          "/api/public/payment-intents",
          "POST",
          { priceId, customerEmail: email },
          {
            "idempotency-key": key,
          },
        ),
        params(),
      ),
    );
    expect(started.status).toBe(200);
    const piId = String(started.body.clientSecret).split("_secret_")[0]!;
    await stripe().stripe.paymentIntents.confirm(
      piId,
      { payment_method: "pm_card_visa" },
      { stripeAccount: started.body.stripeAccount },
    );
    const orderId = started.body.orderId as string;
    await waitFor(async () => (await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status === "PAID");
    return orderId;
  }

  it("a USD order by a Portuguese-speaking buyer gets a Portuguese receipt; a BRL order by an English speaker an English one", async () => {
    const usd = await storeSeller(stripe(), "rcpt-usd", {
      storeName: "Bruno Goods",
      prices: [{ unitAmount: 2500, currency: "USD" }],
    });
    const ptBuyer = "comprador.usd@example.com";
    const usdOrder = await payByCard(usd.priceId, ptBuyer, { "accept-language": "pt-BR,pt;q=0.9,en;q=0.5" }, "ru-1");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: usdOrder } })).buyerLocale).toBe("pt-BR");

    const brl = await storeSeller(stripe(), "rcpt-brl", { storeName: "Loja da Ana" });
    const enBuyer = "buyer.brl@example.com";
    // The app's locale cookie (the buyer switched to English) wins over the browser's languages.
    const brlOrder = await payByCard(
      brl.priceId,
      enBuyer,
      { cookie: "vitrine_locale=en", "accept-language": "pt-BR" },
      "rb-1",
    );
    await runJobsTwice();

    const usdReceipt = await prisma.invoice.findFirstOrThrow({ where: { sourceType: "order", sourceId: usdOrder } });
    expect(usdReceipt.locale).toBe("pt-BR");
    const toPt = mail.to(ptBuyer);
    expect(toPt).toHaveLength(1);
    expect(toPt[0]!.subject).toBe(`Seu recibo de Bruno Goods (${usdReceipt.displayNumber})`);
    expect(toPt[0]!.text!.replace(/\u00a0/g, " ")).toContain("US$ 25,00");
    expect(toPt[0]!.text).toContain("Cartão");
    expect(await pdfText(toPt[0]!.attachments[0]!.content)).toContain("Valor pago US$ 25,00");

    const brlReceipt = await prisma.invoice.findFirstOrThrow({ where: { sourceType: "order", sourceId: brlOrder } });
    const toEn = mail.to(enBuyer);
    expect(toEn).toHaveLength(1);
    expect(toEn[0]!.subject).toBe(`Your receipt from Loja da Ana (${brlReceipt.displayNumber})`);
    expect(toEn[0]!.text!.replace(/\u00a0/g, " ")).toContain("R$100.00");
    expect(await pdfText(toEn[0]!.attachments[0]!.content)).toContain("Amount paid R$100.00");
  });

  it("a PIX charge started by an English-speaking buyer: one English receipt email", async () => {
    const view = await createPixCharge(
      push.store.id,
      push.audit,
      {
        amountCentavos: 4990,
        description: "Camiseta azul M",
        customer: { name: "John Smith", email: "john.pix@example.com" },
      },
      { buyerLocale: "en" },
    );
    const charge = await prisma.pixCharge.findUniqueOrThrow({ where: { id: view.id } });
    expect(charge.buyerLocale).toBe("en");
    expect((await pix.sim().markPaid("pushinpay", charge.transactionId!)).delivery?.status).toBe(200);
    await runJobsTwice();
    const receipt = await prisma.invoice.findFirstOrThrow({ where: { sourceType: "pix_charge", sourceId: view.id } });
    const messages = mail.to("john.pix@example.com");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`Your receipt from ${push.store.name} (${receipt.displayNumber})`);
    const text = messages[0]!.text!.replace(/\u00a0/g, " ");
    expect(text).toContain("R$49.90");
    expect(text).toContain("Paid by");
    expect(text).toContain(`/pay/pix/${view.id}`);
  });

  it("a boleto: one voucher email when generated (however often it is asked for), then one receipt email once paid", async () => {
    const s = await storeSeller(stripe(), "rcpt-bol", { storeName: "Loja Boleto" });
    const buyer = "maria.boleto@example.com";
    const started = await jsonOf(
      await publicPayment(
        buyerFrom({ "accept-language": "pt-BR" })(
          "/api/public/payment-intents",
          "POST",
          { priceId: s.priceId },
          {
            "idempotency-key": "rb-bol-1",
          },
        ),
        params(),
      ),
    );
    expect(started.status).toBe(200);
    const issue = async () =>
      jsonOf(
        await boletoRoute(
          buyerFrom({})("/api/public/payment-intents/boleto", "POST", {
            clientSecret: started.body.clientSecret,
            name: "Maria Souza",
            email: buyer,
            taxId: "529.982.247-25",
            address: { line1: "Rua Augusta, 100", city: "São Paulo", state: "SP", postalCode: "01305-000" },
          }),
          params(),
        ),
      );
    const first = await issue();
    expect(first.status).toBe(200);
    expect((await issue()).body.voucher.number).toBe(first.body.voucher.number);
    await sendDueNotifications({ now: later(new Date()) });
    const vouchers = mail.to(buyer);
    expect(vouchers).toHaveLength(1);
    expect(vouchers[0]!.subject).toBe("Seu boleto para Loja Boleto");
    const voucherText = vouchers[0]!.text!.replace(/\u00a0/g, " ");
    expect(voucherText).toContain(first.body.voucher.number);
    expect(voucherText).toContain("R$ 100,00");
    expect(voucherText).toContain(first.body.voucher.url);
    expect(voucherText).toContain(`/receipt/${started.body.orderId}`);
    expect(vouchers[0]!.attachments).toHaveLength(0);

    const piId = String(started.body.clientSecret).split("_secret_")[0]!;
    await stripe().controls.payBoleto(piId);
    await stripe().controls.advanceClock("1d");
    await waitFor(
      async () => (await prisma.order.findUniqueOrThrow({ where: { id: started.body.orderId } })).status === "PAID",
    );
    await runJobsTwice();
    const receipt = await prisma.invoice.findFirstOrThrow({
      where: { sourceType: "order", sourceId: started.body.orderId },
    });
    expect(receipt.paymentMethod).toBe("boleto");
    const all = mail.to(buyer);
    expect(all).toHaveLength(2);
    const receipts = all.filter((m) => m.subject.includes(receipt.displayNumber!));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.subject).toBe(`Seu recibo de Loja Boleto (${receipt.displayNumber})`);
    expect(receipts[0]!.text).toContain("Boleto");
    expect(receipts[0]!.attachments).toHaveLength(1);
  });
});
