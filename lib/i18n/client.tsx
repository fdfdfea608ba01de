"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "./config";
import { createTranslator, type TranslateFn } from "./translate";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "./format";

type I18nValue = {
  locale: Locale;
  t: TranslateFn;
  money: (minor: number, currency: string) => string;
  dateTime: (d: Date | string | number) => string;
};
const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      t: createTranslator(locale),
      money: (m, c) => formatMoney(m, c, locale),
      dateTime: (d) => formatDateTime(d, locale),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
