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
/** An amount written with a separator or a currency sign ("129,90", "R$ 1.299,90", "$129.90"). */
const AMOUNT_ONLY = /^(?:R\$|US\$|\$|€|£)?\s*\d[\d.,\s]*$/;
const HAS_SEPARATOR_OR_SIGN = /[.,\s$€£]/;

export function searchTerms(q: string, currency: string, locale: string): SearchTerms {
  const text = q.trim();
  const parsed = /\d/.test(text) ? parseAmount(text, currency, locale) : null;
  const amount = parsed?.ok && parsed.minor > 0 ? parsed.minor : null;
  // Text that can only be an amount ("129,90", "R$ 129,90") is not looked for inside emails and
  // names: that substring match cannot use an index and would walk the store's whole history.
  // Bare digits ("123") may be part of an email, so they still are.
  const amountOnly = amount !== null && AMOUNT_ONLY.test(text) && HAS_SEPARATOR_OR_SIGN.test(text);
  return {
    exact: text,
    email: WHOLE_EMAIL.test(text) ? text : null,
    like:
      text.length >= 3 && !WHOLE_EMAIL.test(text) && !amountOnly
        ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        : null,
    amount,
  };
}
