"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PlusIcon, WebhookIcon } from "@/components/ui/icons";
import { DeliveryLog } from "./delivery-log";
import { EndpointCard } from "./endpoint-card";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { SecretDialog } from "./secret-dialog";
import { ENDPOINTS_KEY, type DeliveryPage, type EndpointRow } from "./types";

type Props = {
  initialEndpoints: EndpointRow[];
  initialDeliveries: DeliveryPage;
  defaultUrl: string | null;
  disableAfter: number;
  maxEndpoints: number;
};

/** The callbacks page body: endpoints, the one-time secret dialog and the delivery log. */
export function CallbacksManager({
  initialEndpoints,
  initialDeliveries,
  defaultUrl,
  disableAfter,
  maxEndpoints,
}: Props) {
  const { t } = useI18n();
  const endpoints = useQuery({
    queryKey: ENDPOINTS_KEY,
    queryFn: () => apiFetch<{ data: EndpointRow[] }>("/api/v1/callbacks/endpoints").then((r) => r.data),
    initialData: initialEndpoints,
  });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const list = endpoints.data;
  const addButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon aria-hidden />
      {t("callbacks.addEndpoint")}
    </Button>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("callbacks.title")}
        description={t("callbacks.description")}
        actions={list.length > 0 && list.length < maxEndpoints ? addButton : undefined}
      />
      {list.length === 0 ? (
        <EmptyState
          icon={<WebhookIcon />}
          title={t("callbacks.emptyTitle")}
          description={t("callbacks.emptyBody")}
          action={addButton}
        />
      ) : (
        list.map((endpoint) => (
          <EndpointCard key={endpoint.id} endpoint={endpoint} disableAfter={disableAfter} onSecret={setSecret} />
        ))
      )}
      {list.length > 0 && <DeliveryLog initial={initialDeliveries} />}
      <p className="text-[13px] text-ink-subtle">
        {t("callbacks.docsHint")}{" "}
        <Link href="/docs/callbacks" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("callbacks.docsLink")}
        </Link>
        .
      </p>
      <EndpointFormDialog open={creating} onOpenChange={setCreating} defaultUrl={defaultUrl} onCreated={setSecret} />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </div>
  );
}
