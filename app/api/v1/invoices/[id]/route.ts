// GET /api/v1/invoices/:id — one invoice with its lines and credit notes
import { withApiKey } from "@/lib/http/handler";
import { invoiceDetail } from "@/lib/invoices/views";

export const GET = withApiKey(
  "GET /api/v1/invoices/:id",
  async ({ store, params }) => ({ invoice: await invoiceDetail(store.id, params.id!) }),
  { allowSession: true },
);
