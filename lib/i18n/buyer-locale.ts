// The buyer's language, read once where a buyer page starts a payment (an order or a PIX charge)
// and stored on it (buyerLocale): their receipt, its PDF and the emails about it use it later,
// when no request is around. Framework-free: takes the Request the route handler received.
import { isLocale, LOCALE_COOKIE, type Locale } from "./config";

/** The language documents in `currency` default to: Portuguese for reais, English otherwise. */
export function localeForCurrency(currency: string): Locale {
  return currency.toUpperCase() === "BRL" ? "pt-BR" : "en";
}

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The first supported language in an Accept-Language header, by the buyer's preference (q), or null. */
function fromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";").map((s) => s.trim());
      const q = params.find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith("pt")) return "pt-BR";
    if (tag.startsWith("en")) return "en";
  }
  return null;
}

/** What the request says of the buyer's language: the app's locale cookie, else Accept-Language; null if neither. */
export function requestedLocale(req: Pick<Request, "headers">): Locale | null {
  const chosen = cookieValue(req.headers.get("cookie"), LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return fromAcceptLanguage(req.headers.get("accept-language"));
}

/** The buyer's language for a payment in `currency`: what the request says, else the currency's default. */
export function buyerLocaleOf(req: Pick<Request, "headers">, currency: string): Locale {
  return requestedLocale(req) ?? localeForCurrency(currency);
}

/** A stored buyerLocale (or none) as a Locale: the stored value when valid, else the currency's default. */
export function storedBuyerLocale(stored: string | null | undefined, currency: string): Locale {
  return isLocale(stored) ? stored : localeForCurrency(currency);
}
