// GET /api/v1/customers — the store's customers, newest purchase first (?q= email, name, phone or CPF/CNPJ; keyset ?cursor=)
import { withApiKey } from "@/lib/http/handler";
import { parseWith } from "@/lib/http/body";
import { listCustomers } from "@/lib/customers/queries";
import { ListCustomersQuery } from "@/lib/customers/schemas";

export const GET = withApiKey(
  "GET /api/v1/customers",
  async ({ req, store }) =>
    listCustomers(store.id, parseWith(ListCustomersQuery, Object.fromEntries(req.nextUrl.searchParams))),
  { allowSession: true },
);
