// POST /api/v1/invoices/:id/void — void an open invoice the store issued to a buyer
import { withApiKey } from "@/lib/http/handler";
import { voidStoreInvoice } from "@/lib/invoices/manual";
import { invoiceDetail } from "@/lib/invoices/views";

export const POST = withApiKey(
  "POST /api/v1/invoices/:id/void",
  async ({ store, params, audit }) => {
    await voidStoreInvoice(store.id, params.id!, audit);
    return { invoice: await invoiceDetail(store.id, params.id!) };
  },
  { allowSession: true },
);
