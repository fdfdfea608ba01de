// GET /api/v1/pix/charges/:id — one charge with its gateway attempts and refunds
import { withApiKey } from "@/lib/http/handler";
import { getPixCharge } from "@/lib/pix/service/charges";

export const GET = withApiKey(
  "GET /api/v1/pix/charges/:id",
  async ({ store, params }) => ({ charge: await getPixCharge(store.id, params.id!) }),
  { allowSession: true },
);
