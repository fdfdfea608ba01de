// GET /api/v1/payments/export.csv — the filtered payment history as CSV, streamed in keyset batches
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { csvFilename, paymentsCsvStream } from "@/lib/payments/csv";
import { storeScope } from "@/lib/payments/list";
import { ExportPaymentsQuery } from "@/lib/payments/schemas";
import { today } from "@/lib/payments/time-zone";

export const GET = withApiKey(
  "GET /api/v1/payments/export.csv",
  async ({ req, store }) => {
    const filter = parseWith(ExportPaymentsQuery, Object.fromEntries(req.nextUrl.searchParams));
    const scope = await storeScope(store.id);
    return new Response(paymentsCsvStream(scope, filter), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csvFilename(filter, today(scope.timeZone))}"`,
        "cache-control": "no-store",
      },
    });
  },
  { allowSession: true },
);
