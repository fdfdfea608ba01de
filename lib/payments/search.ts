// What a seller typed in the search box: an id (order, charge, PaymentIntent, the store's own order
// id), a buyer email or part of one, or an amount in their locale ("129,90", "129.90", "R$ 1.299,90").
import { parseAmount } from "@/lib/money";

export type SearchTerms = {
  /** Matched exactly against ids and the store's order id. */
  exact: string;
  /** A whole email: matched whole, ignoring case. */
  email: string | null;
  /** ILIKE pattern for part of a buyer email or name (3+ characters), else null. */
  like: string | null;
  /** Integer minor units when the text reads as an amount. */
  amount: number | null;
};

const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function searchTerms(q: string, currency: string, locale: string): SearchTerms {
  const text = q.trim();
  const parsed = /\d/.test(text) ? parseAmount(text, currency, locale) : null;
  return {
    exact: text,
    email: WHOLE_EMAIL.test(text) ? text : null,
    like: text.length >= 3 && !WHOLE_EMAIL.test(text) ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    amount: parsed?.ok && parsed.minor > 0 ? parsed.minor : null,
  };
}
