"use client";
import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { PackageIcon, SearchIcon } from "@/components/ui/icons";
import { apiErrorText } from "@/components/connect/api-error-text";
import { ProductRow } from "./product-row";
import type { ProductView } from "./types";

type Status = "active" | "archived" | "all";

export function ProductsList({ initial }: { initial: ProductView[] }) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<Status>("active");

  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const isInitial = q === "" && status === "active";
  const products = useQuery({
    queryKey: ["products", { q, status }],
    queryFn: () =>
      apiFetch<{ data: ProductView[] }>(`/api/v1/products?${new URLSearchParams({ q, status })}`).then((r) => r.data),
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
  });

  const filtered = q !== "" || status !== "active";
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row">
        <Input
          type="search"
          aria-label={t("catalog.search")}
          placeholder={t("catalog.searchPlaceholder")}
          leading={<SearchIcon />}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="sm:max-w-sm sm:flex-1"
          maxLength={100}
        />
        <Select
          aria-label={t("catalog.statusFilter")}
          value={status}
          onChange={(e) => setStatus(e.target.value as Status)}
          className="sm:w-44"
          options={[
            { value: "active", label: t("catalog.statusActive") },
            { value: "archived", label: t("catalog.statusArchived") },
            { value: "all", label: t("catalog.statusAll") },
          ]}
        />
      </div>
      {products.isError && !products.data ? (
        <Alert
          tone="danger"
          title={t("catalog.loadFailed")}
          actions={
            <Button size="sm" variant="secondary" onClick={() => products.refetch()}>
              {t("catalog.retry")}
            </Button>
          }
        >
          {apiErrorText(t, products.error).title}
        </Alert>
      ) : !products.data ? (
        <Card className="divide-y divide-line" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-4 p-5">
              <Skeleton className="size-12" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-32" />
              </div>
            </div>
          ))}
        </Card>
      ) : products.data.length === 0 ? (
        <EmptyState
          icon={<PackageIcon />}
          title={filtered ? t("catalog.emptySearchTitle") : t("catalog.emptyTitle")}
          description={filtered ? t("catalog.emptySearchBody") : t("catalog.emptyBody")}
        />
      ) : (
        <Card
          className={cn("overflow-hidden transition-opacity", products.isFetching && "opacity-70")}
          aria-busy={products.isFetching}
        >
          <ul className="divide-y divide-line" data-testid="products-list">
            {products.data.map((p) => (
              <ProductRow key={p.id} product={p} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
