// The usage operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { UsagePeriodInput } from "@/lib/usage/periods";
import { ListUsageQuery, ReportUsageInput } from "@/lib/usage/records";

export const usageOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/usage/export",
    tag: "usage",
    summary: "the period's usage per day and resource as CSV (?period=current|previous|YYYY-MM)",
    auth: "api_key_or_session",
    query: { UsagePeriodInput },
    success: { status: 200, contentType: "text/csv" },
  },
  {
    method: "POST",
    path: "/api/v1/usage",
    tag: "usage",
    summary: "record usage your systems report (Idempotency-Key)",
    auth: "api_key",
    body: { ReportUsageInput },
    example: { resource_type: "reports", quantity: 3, unit: "report", source: "nightly-batch" },
    success: { status: 201 },
    idempotency: "optional",
  },
  {
    method: "GET",
    path: "/api/v1/usage",
    tag: "usage",
    summary: "the records, newest first (keyset-paginated)",
    auth: "api_key_or_session",
    query: { ListUsageQuery },
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/usage/summary",
    tag: "usage",
    summary:
      "per resource for a period (?period=current|previous|YYYY-MM): used, limit, percent, overage, credits debited",
    auth: "api_key_or_session",
    query: { UsagePeriodInput },
    queryExample: { period: "2026-11" },
    success: { status: 200 },
  },
];
