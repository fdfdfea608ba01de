// POST /api/v1/customers/:id/portal-session — a Stripe customer-portal link for this customer (the seller helping them)
import { withApiKey } from "@/lib/http/handler";
import { notFound } from "@/lib/errors";
import { appUrl } from "@/lib/env/app-url";
import { openCustomerPortal } from "@/lib/customers/portal";
import { CustomerIdParam } from "@/lib/customers/schemas";

export const POST = withApiKey(
  "POST /api/v1/customers/:id/portal-session",
  async ({ store, params, audit }) => {
    const id = CustomerIdParam.safeParse(params.id);
    if (!id.success) throw notFound("Customer");
    return openCustomerPortal(store.id, id.data, `${appUrl()}/dashboard/customers/${id.data}`, audit);
  },
  { allowSession: true },
);
