import "server-only";
import { cookies, headers } from "next/headers";
import { readSessionToken } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/config";
import { createTranslator } from "@/lib/i18n/translate";

// The request's language sits at the HTTP edge, not in lib/i18n: it reads the cookie, the
// signed-in account (lib/auth) and Accept-Language, and lib/auth itself uses lib/i18n's locales.

/** The request's locale: the explicit choice (cookie), else the account's saved locale, else Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  // A signed-in user on a new browser gets the language saved on their account.
  const saved = (await readSessionToken())?.locale;
  if (isLocale(saved)) return saved;
  return negotiateLocale((await headers()).get("accept-language"));
}

export async function getI18n() {
  const locale = await getLocale();
  return { locale, t: createTranslator(locale) };
}
