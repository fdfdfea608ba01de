// GET /api/public/pix/charges/:id/receipt — the buyer's receipt PDF of a paid PIX charge (?locale=pt-BR|en); 404 otherwise
import { withPublic } from "@/lib/http/handler";
import { buyerReceiptPdf, receiptPdfResponse } from "@/lib/invoices/buyer-receipt";

// @react-pdf/renderer needs Node (fs, zlib): never the edge runtime.
export const runtime = "nodejs";

export const GET = withPublic("GET /api/public/pix/charges/:id/receipt", async ({ req, params }) =>
  receiptPdfResponse(await buyerReceiptPdf("pix_charge", params.id!, req.nextUrl.searchParams.get("locale"))),
);
