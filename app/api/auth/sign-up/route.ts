// POST /api/auth/sign-up — create a seller account with its first store
import { withPublic } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";

export const POST = withPublic("POST /api/auth/sign-up", async ({ req, info }) => {
  const input = await parseJsonBody(req, SignUpInput);
  const { user, store } = await signUp(input, { ip: info.ip, userAgent: info.userAgent, requestId: info.requestId });
  return Response.json({ user: { id: user.id, email: user.email, name: user.name }, store: { id: store.id, name: store.name } }, { status: 201 });
});
