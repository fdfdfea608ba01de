// The invoices.notices job: an open invoice past its due date is told once to the store's owner
// (however often the job runs, and not before it is due, nor once paid); a paid credit purchase's
// invoice reaches the seller once, with its PDF. Read back from the mail catcher.
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { issueInvoice } from "@/lib/invoices/issue";
import { platformParty, storeParty } from "@/lib/invoices/parties";
import { enqueueCreditInvoiceNotices, enqueueOverdueNotices } from "@/lib/notifications/invoice-notices";
import { sendDueNotifications } from "@/lib/notifications/send";
import { useTestDatabase } from "../support/db";
import { sellerWithStore, systemCtx } from "../support/seller";
import { issuedStoreInvoice } from "../invoices/support";
import { later, notificationsOf, useMailCatcher } from "./support";

const DAY = 86_400_000;
const pdfText = async (content: Buffer) => (await new PDFParse({ data: new Uint8Array(content) }).getText()).text;

describe("invoice notices", () => {
  useTestDatabase();
  const mail = useMailCatcher();

  it("an overdue store invoice is told to the store's owner once, only after its due date and while unpaid", async () => {
    const ana = await sellerWithStore({ tag: "overdue" });
    const now = new Date();
    const due = await issuedStoreInvoice(ana.store.id, { dueDate: new Date(now.getTime() - DAY) });
    const notYetDue = await issuedStoreInvoice(ana.store.id, { dueDate: new Date(now.getTime() + DAY) });
    const paid = await issuedStoreInvoice(ana.store.id, { dueDate: new Date(now.getTime() - DAY) }, "paid");

    for (let run = 0; run < 3; run++) await enqueueOverdueNotices(now);
    const rows = await notificationsOf(ana.store.id, "invoice_overdue");
    expect(rows.filter((r) => r.channel === "email")).toHaveLength(1);
    expect(rows.every((r) => (r.payload as { invoiceId: string }).invoiceId === due.id)).toBe(true);
    expect(rows.some((r) => [notYetDue.id, paid.id].includes((r.payload as { invoiceId: string }).invoiceId))).toBe(
      false,
    );

    await sendDueNotifications({ now: later(now) });
    await enqueueOverdueNotices(later(now));
    await sendDueNotifications({ now: later(now, 4) });
    const messages = mail.to(ana.user.email).filter((m) => m.subject.includes(due.displayNumber!));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`A fatura ${due.displayNumber} está vencida`);
    expect(messages[0]!.text!.replace(/\u00a0/g, " ")).toContain("R$ 100,00");
  });

  it("an overdue BRL platform invoice carries its PIX code and the amount due", async () => {
    process.env.PLATFORM_PIX_KEY = "financeiro@vitrine.example";
    const { resetEnvCache } = await import("@/lib/env/server");
    resetEnvCache();
    try {
      const bruno = await sellerWithStore({ tag: "overdue-platform" });
      await prisma.user.update({ where: { id: bruno.user.id }, data: { locale: "en" } });
      const { invoice } = await issueInvoice(
        {
          issuer: "PLATFORM",
          storeId: bruno.store.id,
          sourceType: "manual",
          sourceId: `ov_${bruno.store.id}`,
          currency: "BRL",
          dueDate: new Date(Date.now() - 2 * DAY),
          lines: [{ description: "Overage", quantity: 1, unitAmount: 2590 }],
          issuerDetails: platformParty(),
          customerDetails: await storeParty(prisma, bruno.store.id),
        },
        { status: "open" },
        systemCtx,
      );
      expect(await enqueueOverdueNotices()).toBe(1);
      expect(await enqueueOverdueNotices()).toBe(0);
      await sendDueNotifications({ now: later(new Date()) });
      const [message] = mail.to(bruno.user.email);
      expect(message!.subject).toBe(`Invoice ${invoice.displayNumber} is overdue`);
      expect(message!.text).toContain("financeiro@vitrine.example");
      expect(message!.text).toContain("R$25.90");
    } finally {
      delete process.env.PLATFORM_PIX_KEY;
      const { resetEnvCache } = await import("@/lib/env/server");
      resetEnvCache();
    }
  });

  it("a paid credit purchase's invoice reaches the seller once, with its PDF", async () => {
    const ana = await sellerWithStore({ tag: "credit-invoice" });
    const { invoice } = await issueInvoice(
      {
        issuer: "PLATFORM",
        storeId: ana.store.id,
        sourceType: "credits",
        sourceId: `cp_${ana.store.id}`,
        currency: "BRL",
        lines: [{ description: "1.000 créditos", quantity: 1, unitAmount: 9900 }],
        issuerDetails: platformParty(),
        customerDetails: await storeParty(prisma, ana.store.id),
        paymentMethod: "card",
      },
      { status: "paid", paidAt: new Date() },
      systemCtx,
    );
    expect(await enqueueCreditInvoiceNotices()).toBe(1);
    expect(await enqueueCreditInvoiceNotices()).toBe(0);
    await sendDueNotifications({ now: later(new Date()) });
    await sendDueNotifications({ now: later(new Date(), 4) });
    const messages = mail.to(ana.user.email).filter((m) => m.subject.includes(invoice.displayNumber!));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.attachments).toHaveLength(1);
    const text = await pdfText(messages[0]!.attachments[0]!.content);
    expect(text).toContain(invoice.displayNumber!);
    expect(text.replace(/\u00a0/g, " ")).toContain("R$ 99,00");
  });
});
