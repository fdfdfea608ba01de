// Invoices for tests: a store's draft or issued invoice with plain lines, through the real code.
import { issueInvoice } from "@/lib/invoices/issue";
import type { InvoiceDraft, LineInput } from "@/lib/invoices/types";
import { storeParty } from "@/lib/invoices/parties";
import { prisma } from "@/lib/db/client";
import { systemCtx } from "../support/seller";

export const BUYER = {
  name: "Maria da Silva",
  legalName: null,
  taxId: "52998224725",
  taxIdType: "cpf" as const,
  email: "maria@example.com",
  address: null,
};

let n = 0;

/** A STORE invoice draft of `lines` (default one line of R$ 100,00) from a manual source. */
export async function storeDraft(storeId: string, over: Partial<InvoiceDraft> = {}): Promise<InvoiceDraft> {
  const lines: LineInput[] = over.lines ?? [{ description: "Consultoria", quantity: 1, unitAmount: 10000 }];
  return {
    issuer: "STORE",
    storeId,
    sourceType: "manual",
    sourceId: `test-${Date.now().toString(36)}-${n++}`,
    currency: "BRL",
    issuerDetails: await storeParty(prisma, storeId),
    customerDetails: BUYER,
    ...over,
    lines,
  };
}

export async function issuedStoreInvoice(
  storeId: string,
  over: Partial<InvoiceDraft> = {},
  status: "open" | "paid" = "open",
) {
  const draft = await storeDraft(storeId, over);
  const how = status === "paid" ? { status, paidAt: new Date() } : { status };
  return (await issueInvoice(draft, how, systemCtx)).invoice;
}
