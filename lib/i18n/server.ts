import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./config";
import { createTranslator } from "./translate";

/** The request's locale: the explicit choice (cookie), else the account's saved locale, else Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  // A signed-in user on a new browser gets the language saved on their account.
  const { readSessionToken } = await import("@/lib/auth/session");
  const saved = (await readSessionToken())?.locale;
  if (isLocale(saved)) return saved;
  return negotiateLocale((await headers()).get("accept-language"));
}

export async function getI18n() {
  const locale = await getLocale();
  return { locale, t: createTranslator(locale) };
}
