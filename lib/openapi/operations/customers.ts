// The customers operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { ListCustomersQuery } from "@/lib/customers/schemas";

export const customersOperations: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/customers/{id}/portal-session",
    tag: "customers",
    summary: "a Stripe customer-portal link for this customer (the seller helping them)",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/customers/{id}",
    tag: "customers",
    summary: "one customer with their payments (card and PIX), subscriptions and totals",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/customers",
    tag: "customers",
    summary: "the store's customers, newest purchase first (?q= email, name, phone or CPF/CNPJ; keyset ?cursor=)",
    auth: "api_key_or_session",
    query: { ListCustomersQuery },
    success: { status: 200 },
  },
];
