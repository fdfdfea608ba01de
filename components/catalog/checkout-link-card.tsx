"use client";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ExternalLinkIcon } from "@/components/ui/icons";
import { PriceLabel } from "./price-label";
import { ProductThumb } from "./product-thumb";
import type { PriceView } from "./types";

type Props = { productName: string; imageUrl: string | null; price: PriceView; appUrl: string };

/** One price and its shareable link: the one buy link (card, boleto, PIX) for one-off prices, hosted checkout for subscriptions. */
export function CheckoutLinkCard({ productName, imageUrl, price, appUrl }: Props) {
  const { t } = useI18n();
  return (
    <Card className="flex flex-col" data-testid={`links-${price.id}`}>
      <div className="flex items-center gap-3 px-5 pt-5 pb-3 sm:px-6">
        <ProductThumb src={imageUrl} className="size-10" />
        <div className="min-w-0">
          <p className="truncate font-medium text-ink">{productName}</p>
          <div className="text-sm">
            <PriceLabel price={price} showArchived={false} />
          </div>
        </div>
      </div>
      <div className="flex flex-1 flex-col divide-y divide-line border-t border-line">
        {price.type === "ONE_TIME" ? (
          // One link for every method the store takes (card, boleto, PIX): the pay page (docs/checkout.md).
          <LinkLine
            label={t("oneLink.link.title")}
            hint={t("oneLink.link.oneLinkHint")}
            url={`${appUrl}/pay/${price.id}`}
            testId="embedded"
          />
        ) : (
          <>
            <LinkLine
              label={t("catalog.links.hosted")}
              hint={t("catalog.links.hostedHint")}
              url={`${appUrl}/buy/${price.id}`}
              testId="hosted"
            />
            <p className="px-5 py-3.5 text-[13px] text-ink-subtle sm:px-6">{t("catalog.links.embeddedOnlyOneTime")}</p>
          </>
        )}
      </div>
    </Card>
  );
}

function LinkLine({ label, hint, url, testId }: { label: string; hint: string; url: string; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="space-y-2 px-5 py-3.5 sm:px-6">
      <div>
        <p className="text-sm font-medium text-ink">{label}</p>
        <p className="text-[13px] text-ink-muted">{hint}</p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          className="min-w-0 flex-1 break-all rounded-md border border-line bg-surface-sunken px-2.5 py-1.5 font-mono text-[13px] text-ink"
          title={url}
          data-testid={`${testId}-url`}
        >
          {url}
        </code>
        <div className="flex shrink-0 gap-2">
          <CopyButton value={url} label={t("catalog.links.copyLink")} className="flex-1 sm:flex-none" />
          <Button href={url} external size="sm" variant="secondary" className="flex-1 sm:flex-none">
            <ExternalLinkIcon aria-hidden />
            {t("catalog.links.open")}
          </Button>
        </div>
      </div>
    </div>
  );
}
