// POST /api/admin/stores/:id/review — approve a pending store, suspend one with a reason, or reinstate it (audited)
import { withAdmin } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { ReviewDecisionInput, reviewStore } from "@/lib/tenancy/review";

export const POST = withAdmin("POST /api/admin/stores/:id/review", async ({ req, user, params, audit }) => {
  const input = await parseJsonBody(req, ReviewDecisionInput);
  return { store: await reviewStore(user.id, params.id!, input, audit) };
});
