// The store operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { InstallmentSettingsInput } from "@/lib/checkout/installments";
import { TaxIdentityInput } from "@/lib/invoices/schemas";

export const storeOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/store/installments",
    tag: "store",
    summary: "the store's card installment caps and where Stripe offers installments and boleto",
    auth: "session",
    success: { status: 200 },
  },
  {
    method: "PUT",
    path: "/api/v1/store/installments",
    tag: "store",
    summary: "change the caps (audited)",
    auth: "session",
    body: { InstallmentSettingsInput },
    example: { maxCount: 1, minAmount: 1 },
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/store/tax-identity",
    tag: "store",
    summary: "the legal name, CPF/CNPJ, address and logo the store's documents print",
    auth: "session",
    success: { status: 200 },
  },
  {
    method: "PUT",
    path: "/api/v1/store/tax-identity",
    tag: "store",
    summary: "replace them (validated, audited)",
    auth: "session",
    body: { TaxIdentityInput },
    example: {},
    success: { status: 200 },
  },
];
