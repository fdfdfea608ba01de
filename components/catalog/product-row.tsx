"use client";
import Link from "next/link";
import { useI18n } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import { ChevronRightIcon } from "@/components/ui/icons";
import { PriceLabel } from "./price-label";
import { ProductThumb } from "./product-thumb";
import type { ProductView } from "./types";

export function ProductRow({ product }: { product: ProductView }) {
  const { t } = useI18n();
  return (
    <li>
      <Link
        href={`/dashboard/products/${product.id}`}
        className="group flex items-start gap-4 px-5 py-4 hover:bg-surface/70 sm:px-6"
      >
        <ProductThumb src={product.imageUrl} />
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-ink group-hover:text-brand-700">{product.name}</span>
            {!product.active && <Badge tone="neutral">{t("catalog.archived")}</Badge>}
            {!product.stripeProductId && <Badge tone="warning">{t("catalog.notOnStripe")}</Badge>}
          </div>
          {product.description && <p className="line-clamp-2 text-[13px] text-ink-muted">{product.description}</p>}
          <ul className="flex flex-col gap-1.5 pt-0.5 text-sm">
            {product.prices.length === 0 && <li className="text-ink-subtle">{t("catalog.noPrices")}</li>}
            {product.prices.map((price) => (
              <li key={price.id}>
                <PriceLabel price={price} />
              </li>
            ))}
          </ul>
        </div>
        <ChevronRightIcon className="mt-1 size-4 shrink-0 text-ink-subtle" aria-hidden />
      </Link>
    </li>
  );
}
