// The countries and currencies a store can be set up with; client-safe (the sign-up and settings
// forms use them too).

/** Countries a Vitrine store can sell from (the Connect onboarding form offers the same). */
export const STORE_COUNTRIES = ["BR", "US", "PT", "AR", "MX", "ES", "GB", "DE", "FR", "CA"] as const;
export type StoreCountry = (typeof STORE_COUNTRIES)[number];

export const STORE_CURRENCIES = ["BRL", "USD", "EUR"] as const;
export type StoreCurrency = (typeof STORE_CURRENCIES)[number];

const EURO = new Set(["PT", "ES", "DE", "FR"]);

/** The currency a new store in `country` starts with: BRL in Brazil, EUR in the euro area, else USD. */
export function defaultCurrencyFor(country: string): StoreCurrency {
  if (country === "BR") return "BRL";
  return EURO.has(country) ? "EUR" : "USD";
}
