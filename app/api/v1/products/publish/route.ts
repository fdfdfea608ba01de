// POST /api/v1/products/publish — put products created before connecting Stripe on the connected account
import { withApiKey } from "@/lib/http/handler";
import { publishLocalProducts } from "@/lib/catalog/products";

export const POST = withApiKey(
  "POST /api/v1/products/publish",
  async ({ store, audit }) => ({ published: await publishLocalProducts(store.id, audit) }),
  { allowSession: true },
);
