// POST /api/v1/connect/login-link — a one-time link to the seller's Express dashboard
import { withApiKey } from "@/lib/http/handler";
import { createDashboardLink } from "@/lib/connect/accounts";

export const POST = withApiKey("POST /api/v1/connect/login-link", ({ store }) => createDashboardLink(store.id), {
  allowSession: true,
});
