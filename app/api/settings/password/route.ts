// POST /api/settings/password — change password; every session, this one included, ends
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { changePassword, ChangePasswordInput } from "@/lib/account/settings";

export const POST = withSeller(
  "POST /api/settings/password",
  async ({ req, user, audit }) => {
    const input = await parseJsonBody(req, ChangePasswordInput);
    await changePassword(user.id, input, audit);
    return { ok: true, signedOut: true };
  },
  { limit: "login" },
);
