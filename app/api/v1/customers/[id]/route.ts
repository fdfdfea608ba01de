// GET /api/v1/customers/:id — one customer with their payments (card and PIX), subscriptions and totals
import { withApiKey } from "@/lib/http/handler";
import { notFound } from "@/lib/errors";
import { getCustomer } from "@/lib/customers/queries";
import { CustomerIdParam } from "@/lib/customers/schemas";

export const GET = withApiKey(
  "GET /api/v1/customers/:id",
  async ({ store, params }) => {
    const id = CustomerIdParam.safeParse(params.id);
    if (!id.success) throw notFound("Customer");
    return getCustomer(store.id, id.data);
  },
  { allowSession: true },
);
