import type { Metadata } from "next";
import "./globals.css";
import { getLocale } from "@/lib/http/locale";
import { Providers } from "@/components/providers";

export const metadata: Metadata = {
  title: { default: "Vitrine", template: "%s · Vitrine" },
  description: "Payments for independent sellers: Stripe Connect, PIX, credits and store callbacks.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-surface text-ink antialiased">
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
