// GET /api/v1/me — the store an API key (or session) acts for; a cheap way to test a key
import { withApiKey } from "@/lib/http/handler";

export const GET = withApiKey(
  "GET /api/v1/me",
  async ({ store, principal }) => ({
    store: {
      id: store.id,
      name: store.name,
      slug: store.slug,
      storeDomain: store.storeDomain,
      currency: store.currency,
    },
    authenticatedWith: principal.kind,
  }),
  { allowSession: true },
);
