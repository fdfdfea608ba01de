// "Invoice issued" carries the invoice's PDF, rendered by lib/invoices at send time: read back from
// the caught mail. A message naming another store's invoice goes out without anyone's document.
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import { sendDueNotifications } from "@/lib/notifications/send";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { issuedStoreInvoice } from "../invoices/support";
import { useMailCatcher } from "./support";

const pdfText = async (content: Buffer) => (await new PDFParse({ data: new Uint8Array(content) }).getText()).text;

describe("invoice issued email", () => {
  useTestDatabase();
  const mail = useMailCatcher();

  it("attaches the invoice PDF, in the recipient's language", async () => {
    const ana = await sellerWithStore({ tag: "inv-mail" });
    const invoice = await issuedStoreInvoice(ana.store.id);
    await enqueueNotification(prisma, {
      storeId: ana.store.id,
      event: "invoice_issued",
      subjectId: invoice.id,
      payload: {
        invoiceId: invoice.id,
        number: invoice.displayNumber!,
        amountMinor: invoice.total,
        currency: invoice.currency,
        dueDate: invoice.dueDate ?? undefined,
      },
    });
    expect(await sendDueNotifications()).toMatchObject({ sent: 1 });
    const [message] = mail.to(ana.user.email);
    expect(message!.subject).toBe(`Fatura ${invoice.displayNumber} da Vitrine`);
    expect(message!.text).toContain("O PDF está anexado a este e-mail.");
    expect(message!.attachments).toHaveLength(1);
    const [pdf] = message!.attachments;
    expect(pdf!.contentType).toBe("application/pdf");
    expect(pdf!.filename).toMatch(/\.pdf$/);
    const text = await pdfText(pdf!.content);
    expect(text).toContain(invoice.displayNumber!);
    expect(text.replace(/\u00a0/g, " ")).toContain("R$ 100,00");
  });

  it("sends no document of another store", async () => {
    const ana = await sellerWithStore({ tag: "inv-mail-a" });
    const bruno = await sellerWithStore({ tag: "inv-mail-b" });
    const brunosInvoice = await issuedStoreInvoice(bruno.store.id);
    await enqueueNotification(prisma, {
      storeId: ana.store.id,
      event: "invoice_issued",
      subjectId: brunosInvoice.id,
      payload: { invoiceId: brunosInvoice.id, number: "X-1", amountMinor: 100, currency: "BRL" },
    });
    await sendDueNotifications();
    const [message] = mail.to(ana.user.email);
    expect(message!.attachments).toEqual([]);
  });
});
