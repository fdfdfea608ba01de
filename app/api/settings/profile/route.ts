// PATCH /api/settings/profile — change the signed-in user's name or language
import { NextResponse } from "next/server";
import { withSeller } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { updateProfile, UpdateProfileInput } from "@/lib/account/settings";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

export const PATCH = withSeller("PATCH /api/settings/profile", async ({ req, user, audit }) => {
  const input = await parseJsonBody(req, UpdateProfileInput);
  const profile = await updateProfile(user.id, input, audit);
  const res = NextResponse.json({ profile });
  res.cookies.set(LOCALE_COOKIE, profile.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return res;
});
