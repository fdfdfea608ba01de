"use client";
import { useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useI18n } from "@/lib/i18n/client";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { ORDER_STATUSES } from "./order-statuses";

/** Puts ?status= in the URL; the page re-renders on the server with that filter. */
export function OrderStatusFilter({ value }: { value: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex w-full items-center gap-2 sm:w-auto">
      {pending && <Spinner size="sm" className="text-ink-subtle" />}
      <Select
        aria-label={t("orders.filter")}
        value={value}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(() => router.replace(next ? `${pathname}?status=${next}` : pathname, { scroll: false }));
        }}
        className="w-full sm:w-52"
        placeholder={t("orders.all")}
        options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
      />
    </div>
  );
}
