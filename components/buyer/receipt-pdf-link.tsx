"use client";
import { useI18n } from "@/lib/i18n/client";
import { buttonClasses } from "@/components/ui/button";
import { FileTextIcon } from "@/components/ui/icons";

/** "Download receipt (PDF)": the store's receipt of a paid order or PIX charge, in the page's language. */
export function ReceiptPdfLink({ href }: { href: string }) {
  const { t, locale } = useI18n();
  return (
    <a
      href={`${href}?locale=${encodeURIComponent(locale)}`}
      download
      data-testid="receipt-pdf"
      className={buttonClasses({ variant: "secondary", size: "lg", fullWidth: true })}
    >
      <FileTextIcon className="size-4" aria-hidden />
      {t("buyer.receipt.download")}
    </a>
  );
}
