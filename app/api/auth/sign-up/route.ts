// POST /api/auth/sign-up — create a seller account with its first store; answers 202 alike whether or not the email already has an account
import { z } from "zod";
import { withPublic } from "@/lib/http/handler";
import { parseFields } from "@/lib/validation/field-errors";
import { parseJsonBody } from "@/lib/http/body";
import { requestSignUp, SignUpInput } from "@/lib/auth/sign-up";
import { emailRef } from "@/lib/auth/email-ref";

export const POST = withPublic("POST /api/auth/sign-up", async ({ req, info, log }) => {
  const input = parseFields(SignUpInput, await parseJsonBody(req, z.unknown()));
  const { created } = await requestSignUp(input, { ip: info.ip, userAgent: info.userAgent, requestId: info.requestId });
  if (!created)
    log.info(
      { event: "sign_up.existing_email", emailRef: emailRef(input.email) },
      "sign-up for an email that already has an account: nothing created",
    );
  return Response.json({ ok: true }, { status: 202 });
});
