// POST /api/locale — switch the UI language (form or JSON); saved on the user when signed in
import { NextResponse } from "next/server";
import { z } from "zod";
import { withPublic } from "@/lib/http/handler";
import { parseJsonBody, parseWith, readBodyText } from "@/lib/http/body";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { getSessionUser } from "@/lib/auth/session";
import { saveUserLocale } from "@/lib/account/settings";

const LocaleInput = z.object({ locale: z.enum(LOCALES), redirect: z.string().optional() });

/** Only same-site paths, so the switch cannot be used as an open redirect. */
function safePath(p: string | undefined): string {
  return p && p.startsWith("/") && !p.startsWith("//") && !p.startsWith("/\\") ? p : "/";
}

export const POST = withPublic(
  "POST /api/locale",
  async ({ req }) => {
    const isJson = (req.headers.get("content-type") ?? "").includes("application/json");
    const input = isJson
      ? await parseJsonBody(req, LocaleInput)
      : parseWith(LocaleInput, Object.fromEntries(new URLSearchParams(await readBodyText(req, 4096))));
    const user = await getSessionUser(req);
    if (user) await saveUserLocale(user.id, input.locale);
    const res = isJson
      ? NextResponse.json({ locale: input.locale })
      : new NextResponse(null, { status: 303, headers: { Location: safePath(input.redirect) } });
    res.cookies.set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    return res;
  },
  { limit: false, sameOrigin: true },
);
