// POST /api/v1/pix/charges/:id/refresh — re-read the charge at its gateway now and apply what it says
import { withApiKey } from "@/lib/http/handler";
import { refreshPixCharge } from "@/lib/pix/service/charges";

export const POST = withApiKey(
  "POST /api/v1/pix/charges/:id/refresh",
  async ({ store, params }) => ({ charge: await refreshPixCharge(store.id, params.id!) }),
  { allowSession: true },
);
