// GET /api/v1/invoices/:id/pdf — the invoice as a PDF (?locale=pt-BR|en; default the reader's language)
import { withApiKey } from "@/lib/http/handler";
import { LOCALE_COOKIE, isLocale, negotiateLocale } from "@/lib/i18n/config";
import { invoicePdfForStore } from "@/lib/invoices/pdf";

// @react-pdf/renderer needs Node (fs, zlib): never the edge runtime.
export const runtime = "nodejs";

export const GET = withApiKey(
  "GET /api/v1/invoices/:id/pdf",
  async ({ req, store, params }) => {
    const asked = req.nextUrl.searchParams.get("locale");
    const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
    const locale = isLocale(asked)
      ? asked
      : isLocale(cookie)
        ? cookie
        : negotiateLocale(req.headers.get("accept-language"));
    const { buffer, filename } = await invoicePdfForStore(store.id, params.id!, locale);
    return new Response(new Uint8Array(buffer), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  },
  { allowSession: true },
);
