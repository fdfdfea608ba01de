// GET /api/v1/invoices/:id/pix — the PIX QR and copia e cola of an open BRL invoice (null when it has none)
import { withApiKey } from "@/lib/http/handler";
import { invoicePixForStore } from "@/lib/invoices/views";

export const GET = withApiKey(
  "GET /api/v1/invoices/:id/pix",
  async ({ store, params }) => ({ pix: await invoicePixForStore(store.id, params.id!) }),
  { allowSession: true },
);
