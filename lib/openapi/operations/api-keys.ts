// The api-keys operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { CreateApiKeyInput } from "@/lib/auth/api-keys";

export const apiKeysOperations: Operation[] = [
  {
    method: "DELETE",
    path: "/api/v1/api-keys/{id}",
    tag: "api-keys",
    summary: "revoke an API key of the current store",
    auth: "session",
    success: { status: 200 },
  },
  {
    method: "GET",
    path: "/api/v1/api-keys",
    tag: "api-keys",
    summary: "list the current store's API keys",
    auth: "session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/api-keys",
    tag: "api-keys",
    summary: "create one (secret shown once)",
    auth: "session",
    body: { CreateApiKeyInput },
    example: { name: "Production server" },
    success: { status: 201 },
  },
];
