// GET /api/v1/invoices — the store's receipts and invoices and Vitrine's invoices to it (?issuer=platform|store, keyset pages); POST — issue an open invoice to a buyer
import { parseJsonBody, parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { createStoreInvoice } from "@/lib/invoices/manual";
import { CreateInvoiceInput, ListInvoicesQuery } from "@/lib/invoices/schemas";
import { invoiceDetail, listInvoices } from "@/lib/invoices/views";

export const GET = withApiKey(
  "GET /api/v1/invoices",
  async ({ req, store }) =>
    listInvoices(store.id, parseWith(ListInvoicesQuery, Object.fromEntries(req.nextUrl.searchParams))),
  { allowSession: true },
);

export const POST = withApiKey(
  "POST /api/v1/invoices",
  async ({ req, store, audit }) => {
    const input = await parseJsonBody(req, CreateInvoiceInput);
    const { invoice, created } = await createStoreInvoice(store.id, audit, input, idempotencyKeyOf(req));
    return Response.json({ invoice: await invoiceDetail(store.id, invoice.id) }, { status: created ? 201 : 200 });
  },
  { allowSession: true },
);
