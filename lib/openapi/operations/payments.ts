// The payments operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { OverviewQuery } from "@/lib/overview/range";
import { ExportPaymentsQuery, ListPaymentsQuery } from "@/lib/payments/schemas";

export const paymentsOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/overview",
    tag: "payments",
    summary:
      "the store's sales for a range (?range=today|7d|30d|custom&from=&to=) against the previous period, by day and method, latest payments and what needs attention",
    auth: "api_key_or_session",
    query: { OverviewQuery },
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/payments/{id}",
    tag: "payments",
    summary: "one card or PIX payment with its timeline (attempts, refunds, disputes, callbacks)",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/payments/export.csv",
    tag: "payments",
    summary: "the filtered payment history as CSV, streamed in keyset batches",
    auth: "api_key_or_session",
    query: { ExportPaymentsQuery },
    success: { status: 200, contentType: "text/csv" },
  },
  {
    method: "GET",
    path: "/api/v1/payments",
    tag: "payments",
    summary:
      "the store's card and PIX payments, newest first, keyset-paginated (?q, method, status, from, to, cursor, limit)",
    auth: "api_key_or_session",
    query: { ListPaymentsQuery },
    queryExample: { method: "pix", from: "2026-11-01", limit: "25" },
    success: { status: 200 },
  },
];
