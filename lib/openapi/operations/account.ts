// The account operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";

export const accountOperations: Operation[] = [
  {
    method: "GET",
    path: "/api/v1/me",
    tag: "account",
    summary: "the store an API key (or session) acts for; a cheap way to test a key",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    tag: "account",
    summary: "this document: the OpenAPI 3.1 description of the API",
    description: "Public by default; with DOCS_PUBLIC=false only a signed-in platform admin reads it (others get 404).",
    auth: "public",
    success: { status: 200 },
    errors: ["not_found"],
  },
];
