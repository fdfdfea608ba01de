// The invoices operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { CreateInvoiceInput, ListInvoicesQuery } from "@/lib/invoices/schemas";

export const invoicesOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/invoices/{id}/pdf",
    tag: "invoices",
    summary: "the invoice as a PDF (?locale=pt-BR|en; default the reader's language)",
    auth: "api_key_or_session",
    success: { status: 200, contentType: "application/pdf" },
  },
  {
    method: "GET",
    path: "/api/v1/invoices/{id}/pix",
    tag: "invoices",
    summary: "the PIX QR and copia e cola of an open BRL invoice (null when it has none)",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/invoices/{id}",
    tag: "invoices",
    summary: "one invoice with its lines and credit notes",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/invoices/{id}/void",
    tag: "invoices",
    summary: "void an open invoice the store issued to a buyer",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/invoices",
    tag: "invoices",
    summary: "the store's receipts and invoices and Vitrine's invoices to it (?issuer=platform|store, keyset pages)",
    auth: "api_key_or_session",
    query: { ListInvoicesQuery },
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/invoices",
    tag: "invoices",
    summary: "issue an open invoice to a buyer",
    auth: "api_key_or_session",
    body: { CreateInvoiceInput },
    example: {
      customer: { name: "Maria Silva", email: "maria@example.com", taxIdType: "cpf", taxId: "529.982.247-25" },
      lines: [{ description: "Consulting, November", quantity: 1, unitAmount: 150000 }],
    },
    success: { status: 201 },
    idempotency: "optional",
  },
];
