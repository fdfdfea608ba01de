// A PIX payment to the platform's key, found on the bank statement by its txid (the invoice number),
// recorded once for the exact amount; a wrong amount or an unknown txid is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore, systemCtx } from "../support/seller";
import { prisma } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env/server";
import { issueInvoice } from "@/lib/invoices/issue";
import { platformParty, storeParty } from "@/lib/invoices/parties";
import { platformInvoicePix, recordPlatformPixPayment } from "@/lib/invoices/pix";

describe("platform invoices paid by PIX", () => {
  useTestDatabase();
  beforeAll(() => {
    process.env.PLATFORM_PIX_KEY = "financeiro@vitrine.com.br";
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.PLATFORM_PIX_KEY;
    resetEnvCache();
  });

  it("matches by txid and exact amount, marks paid once, and the code disappears", async () => {
    const { store } = await sellerWithStore();
    const { invoice } = await issueInvoice(
      {
        issuer: "PLATFORM",
        storeId: store.id,
        sourceType: "plan",
        sourceId: `in_pix_${store.id}`,
        currency: "BRL",
        lines: [{ description: "Vitrine Starter", quantity: 1, unitAmount: 4900 }],
        issuerDetails: platformParty(),
        customerDetails: await storeParty(prisma, store.id),
      },
      { status: "open" },
      systemCtx,
    );
    const pix = await platformInvoicePix({ invoiceId: invoice.id });
    expect(pix).toMatchObject({
      amountMinor: 4900,
      source: "platform_key",
      txid: invoice.displayNumber!.replace(/-/g, ""),
    });

    const paidAt = new Date("2026-12-01T15:00:00Z");
    await expect(
      recordPlatformPixPayment({ txid: "VIT2026999999", amountMinor: 4900, paidAt }, systemCtx),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      recordPlatformPixPayment({ txid: pix!.txid!, amountMinor: 4800, paidAt }, systemCtx),
    ).rejects.toMatchObject({ code: "validation_failed", status: 422 });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("open");

    const first = await recordPlatformPixPayment(
      { txid: pix!.txid!.toLowerCase(), amountMinor: 4900, paidAt, endToEndId: "E1234567820261201150000000000001" },
      systemCtx,
    );
    expect(first.changed).toBe(true);
    const again = await recordPlatformPixPayment(
      { txid: pix!.txid!, amountMinor: 4900, paidAt: new Date() },
      systemCtx,
    );
    expect(again.changed).toBe(false);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "paid",
      paymentMethod: "pix",
      paidAt,
      amountPaid: 4900,
      amountDue: 0,
    });
    const audit = await prisma.auditLog.findMany({ where: { targetId: invoice.id, action: "invoice.paid" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ reason: "pix:E1234567820261201150000000000001" });
    expect(await platformInvoicePix({ invoiceId: invoice.id })).toBeNull();
  });
});
