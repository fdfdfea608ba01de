// Payments in currencies other than the store's: each currency on its own line, never summed into
// the store's figures (there is no honest exchange rate to add them with).
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { CurrencyFigures } from "@/lib/overview/sales";

type Props = { currencies: CurrencyFigures[]; storeCurrency: string; t: TranslateFn; locale: Locale };

export function OtherCurrencies({ currencies, storeCurrency, t, locale }: Props) {
  if (currencies.length === 0) return null;
  return (
    <Card data-testid="other-currencies">
      <CardHeader>
        <CardTitle>{t("overview.other.title")}</CardTitle>
        <CardDescription>{t("overview.other.description", { currency: storeCurrency })}</CardDescription>
      </CardHeader>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("overview.other.currency")}</TableHead>
            <TableHead align="right">{t("overview.other.gross")}</TableHead>
            <TableHead align="right">{t("overview.other.net")}</TableHead>
            <TableHead align="right">{t("overview.other.payments")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {currencies.map((c) => (
            <TableRow key={c.currency} data-currency={c.currency}>
              <TableCell className="font-medium">{c.currency}</TableCell>
              <TableCell align="right" className="tabular-nums">
                {formatMoney(c.current.gross, c.currency, locale)}
              </TableCell>
              <TableCell align="right" className="tabular-nums">
                {formatMoney(c.current.net, c.currency, locale)}
              </TableCell>
              <TableCell align="right" className="tabular-nums">
                {formatNumber(c.current.payments, locale)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
