// POST /api/admin/users/:id/status — suspend or reactivate a seller
import { withAdmin } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { setUserStatus, SetUserStatusInput } from "@/lib/admin/users";

export const POST = withAdmin("POST /api/admin/users/:id/status", async ({ req, user, params, audit }) => {
  const input = await parseJsonBody(req, SetUserStatusInput);
  return { user: await setUserStatus(user.id, params.id!, input, audit) };
});
