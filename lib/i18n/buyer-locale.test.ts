import { describe, expect, it } from "vitest";
import { buyerLocaleOf, requestedLocale, storedBuyerLocale } from "./buyer-locale";

const req = (headers: Record<string, string>) => new Request("http://x.test/", { headers });

describe("buyer locale", () => {
  it("prefers the app's locale cookie over Accept-Language", () => {
    expect(requestedLocale(req({ cookie: "a=1; vitrine_locale=en", "accept-language": "pt-BR" }))).toBe("en");
    expect(requestedLocale(req({ cookie: "vitrine_locale=pt-BR", "accept-language": "en-US" }))).toBe("pt-BR");
  });
  it("reads Accept-Language by preference when no valid cookie", () => {
    expect(requestedLocale(req({ cookie: "vitrine_locale=fr", "accept-language": "fr;q=1, en;q=0.5, pt;q=0.8" }))).toBe(
      "pt-BR",
    );
    expect(requestedLocale(req({ "accept-language": "de-DE, en-GB;q=0.7" }))).toBe("en");
    expect(requestedLocale(req({ "accept-language": "de-DE" }))).toBeNull();
  });
  it("falls back on the currency's language", () => {
    expect(buyerLocaleOf(req({}), "USD")).toBe("en");
    expect(buyerLocaleOf(req({}), "brl")).toBe("pt-BR");
    expect(buyerLocaleOf(req({ "accept-language": "pt-BR" }), "USD")).toBe("pt-BR");
    expect(storedBuyerLocale("en", "BRL")).toBe("en");
    expect(storedBuyerLocale(null, "BRL")).toBe("pt-BR");
    expect(storedBuyerLocale("xx", "EUR")).toBe("en");
  });
});
