// Money in Vitrine: an integer in the currency's minor unit plus an ISO currency code. This module
// is the one place that converts to or from major units (typed input, gateway JSON, display).
// The rules: docs/money.md.
export { assertMinorUnits, minorPerMajor, minorUnitDigits } from "./currency";
export {
  decimalToMinor,
  majorNumberToMinor,
  minorToDecimal,
  minorToMajorNumber,
  type DecimalRounding,
} from "./decimal";
export { amountToInput, formatMoney } from "./format";
export { decimalMark, parseAmount, type ParsedAmount } from "./parse";
export { shareOf } from "./share";
