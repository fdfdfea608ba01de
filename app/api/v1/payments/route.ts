// GET /api/v1/payments — the store's card and PIX payments, newest first, keyset-paginated (?q, method, status, from, to, cursor, limit)
import { parseWith } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/handler";
import { listPayments, storeScope } from "@/lib/payments/list";
import { ListPaymentsQuery } from "@/lib/payments/schemas";
import { paymentView } from "@/lib/payments/views";

export const GET = withApiKey(
  "GET /api/v1/payments",
  async ({ req, store }) => {
    const query = parseWith(ListPaymentsQuery, Object.fromEntries(req.nextUrl.searchParams));
    const page = await listPayments(await storeScope(store.id), query);
    return {
      object: "list",
      data: page.data.map(paymentView),
      next_cursor: page.nextCursor,
      has_more: !!page.nextCursor,
    };
  },
  { allowSession: true },
);
