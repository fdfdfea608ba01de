// Every event renders in both languages (no raw message key, money and dates in the reader's
// format, HTML and text parts, a link to act on), and the privacy helpers hold.
import { describe, expect, it } from "vitest";
import { NOTIFICATION_EVENTS, type NotificationEvent } from "@/lib/notifications/events";
import { parsePayload, type PayloadOf } from "@/lib/notifications/payloads";
import { redact } from "@/lib/notifications/redact";
import { renderEmail, renderSlack } from "@/lib/notifications/render";
import { endpointLabel, maskEmail, scrubPayload, scrubText } from "@/lib/notifications/scrub";

const BR_CODE =
  "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000520400005303986540549.905802BR5913VITRINE PAGTO6009SAO PAULO62070503***6304ABCD";

const SAMPLES: { [E in NotificationEvent]: PayloadOf<E> } = {
  plan_payment_failed: { amountMinor: 4990, currency: "BRL", planName: "Starter", invoiceNumber: "VIT-2030-000001" },
  dunning_reminder: {
    step: 4,
    steps: 4,
    amountMinor: 4990,
    currency: "BRL",
    payUrl: "https://pay.example.com/i/1",
    pixCopyPaste: BR_CODE,
  },
  dunning_downgraded: { fromPlanName: "Pro", toPlanName: "Free" },
  dunning_recovered: { amountMinor: 4990, currency: "BRL", invoiceNumber: "VIT-2030-000001", method: "pix" },
  trial_ending: { planName: "Pro", trialEndsAt: "2030-03-05T15:00:00Z" },
  invoice_issued: {
    invoiceId: "inv_1",
    number: "VIT-2030-000002",
    amountMinor: 14900,
    currency: "BRL",
    attachPdf: false,
  },
  invoice_overdue: {
    invoiceId: "inv_2",
    number: "VIT-2030-000003",
    amountMinor: 14900,
    currency: "BRL",
    dueDate: "2030-02-10T12:00:00Z",
    pixCopyPaste: BR_CODE,
  },
  order_receipt: {
    invoiceId: "inv_3",
    number: "LOJ-2030-000004",
    amountMinor: 12990,
    currency: "BRL",
    paidAt: "2030-02-10T12:00:00Z",
    method: "card",
    description: "Clube do café",
    url: "/receipt/ord_1",
  },
  usage_threshold: {
    resource: "api_calls",
    threshold: 80,
    used: 8000,
    limit: 10000,
    periodStart: "2030-02-01T00:00:00Z",
  },
  callback_endpoint_disabled: {
    endpointId: "we_1",
    endpointUrl: "https://loja.example/hooks",
    reason: "failing",
    consecutiveFailures: 50,
  },
  dispute_opened: { orderId: "ord_1", disputeId: "dp_1", amountMinor: 12990, currency: "BRL", reason: "duplicate" },
  pix_charge_paid: { chargeId: "pix_1", amountMinor: 4590, currency: "BRL", paidAt: "2030-02-10T12:00:00Z" },
  password_changed: { changedAt: "2030-02-10T12:00:00Z", ip: "203.0.113.9" },
  test_message: { channel: "email" },
  buyer_portal_link: {
    url: "https://pay.example.com/portal/abc",
    receiptUrl: "https://pay.example.com/receipt/ord_1",
    productName: "Clube do café",
    expiresInMinutes: 15,
  },
  boleto_issued: {
    orderId: "ord_2",
    boletoNumber: "23793.38128 60000.000003 00000.000400 1 84340000010000",
    amountMinor: 12990,
    currency: "BRL",
    expiresAt: "2030-02-13T02:59:59Z",
    payUrl: "https://payments.stripe.com/boleto/voucher/test_1",
    description: "Clube do café",
    url: "/receipt/ord_2",
  },
};

describe("templates", () => {
  it.each(NOTIFICATION_EVENTS.flatMap((event) => (["pt-BR", "en"] as const).map((locale) => [event, locale] as const)))(
    "%s renders in %s",
    async (event, locale) => {
      const target = {
        event,
        payload: parsePayload(event, SAMPLES[event]),
        locale,
        storeName: "Loja da Ana",
        storeId: "store_1",
        appUrl: "https://pay.example.com",
      };
      const email = await renderEmail(target);
      const slack = renderSlack(target);
      for (const part of [email.subject, email.html, email.text, slack]) {
        expect(part).not.toMatch(/notifications\.(email|resources|events)\./);
        expect(part).not.toContain("{");
      }
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toContain(`lang="${locale}"`);
      expect(email.html).toContain("https://pay.example.com/");
      expect(email.text).toContain("https://pay.example.com/");
      expect(slack).toContain("<https://");
      const money = (SAMPLES[event] as { amountMinor?: number }).amountMinor;
      if (money !== undefined)
        expect(email.text.replace(/\u00a0/g, " ")).toMatch(locale === "pt-BR" ? /R\$ \d+,\d\d/ : /R\$\d+\.\d\d/);
      if ((SAMPLES[event] as { pixCopyPaste?: string }).pixCopyPaste) {
        expect(email.text).toContain(BR_CODE);
        expect(slack).toContain(BR_CODE);
      }
    },
  );
});

describe("privacy helpers", () => {
  it("masks card numbers (Luhn-valid runs only) and CPFs, and leaves other numbers alone", () => {
    expect(scrubText("card 4242 4242 4242 4242 ok")).toBe("card •••• 4242 ok");
    expect(scrubText("card 4000-0000-0000-0002")).toBe("card •••• 0002");
    expect(scrubText("order 1234567890123 not a card")).toBe("order 1234567890123 not a card");
    expect(scrubText("CPF 529.982.247-25 e 52998224725")).toBe("CPF •••.•••.•••-25 e •••.•••.•••-25");
    expect(scrubText("2030-02-10T12:00:00Z R$ 45,90 pedido 77")).toBe("2030-02-10T12:00:00Z R$ 45,90 pedido 77");
    expect(scrubPayload({ pixCopyPaste: "4242424242424242", note: "4242424242424242" })).toEqual({
      pixCopyPaste: "4242424242424242",
      note: "•••• 4242",
    });
  });

  it("drops what an event does not declare", () => {
    const parsed = parsePayload("test_message", { channel: "email", secret: "sk_live_x" } as never);
    expect(parsed).toEqual({ channel: "email" });
  });

  it("masks recipients and strips credentials and queries from URLs", () => {
    expect(maskEmail("ana.souza@example.com")).toBe("an•••@example.com");
    expect(maskEmail("a@example.com")).toBe("a•••@example.com");
    expect(endpointLabel("https://user:pw@loja.example/hooks?token=abc#x")).toBe("https://loja.example/hooks");
  });

  it("redacts Slack webhooks and URL credentials from error text", () => {
    const url = "https://hooks.slack.com/services/T000/B000/XXXXsecret";
    expect(redact(`POST ${url} failed`)).toBe("POST [redacted Slack webhook] failed");
    expect(redact("connect smtp://mailer:hunter22@smtp.example.com:465 refused")).toBe(
      "connect smtp://[redacted]@smtp.example.com:465 refused",
    );
    expect(redact("535 auth failed for mailer with hunter22", ["smtp://mailer:hunter22@smtp.example.com"])).toBe(
      "535 auth failed for [redacted] with [redacted]",
    );
  });
});
