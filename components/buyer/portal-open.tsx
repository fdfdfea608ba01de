"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * The page the emailed link opens. The token is in the URL's fragment (never sent in a request
 * line, so never logged) and is spent only when the buyer presses the button: a mail scanner that
 * fetches the link cannot use it up.
 */
export function PortalOpen({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setToken(window.location.hash.slice(1) || null);
  }, []);

  async function onOpen() {
    if (!token) return;
    setPending(true);
    setError(null);
    try {
      const { url } = await apiFetch<{ url: string }>(`/api/public/orders/${orderId}/portal`, {
        method: "POST",
        body: { token },
      });
      // The link is spent: drop it from the address bar and history.
      window.history.replaceState(null, "", window.location.pathname);
      window.location.assign(url);
    } catch (err) {
      setError(
        err instanceof ApiError && (err.code === "portal_link_invalid" || err.code === "validation_failed")
          ? t("buyer.portalLink.invalid")
          : t("buyer.portalLink.failed"),
      );
      setPending(false);
    }
  }

  return (
    <div className="space-y-5 text-center">
      <h1 className="text-xl font-semibold">{t("buyer.portalLink.openTitle")}</h1>
      {token === null ? (
        <Alert tone="warning">{t("buyer.portalLink.missing")}</Alert>
      ) : (
        <p className="text-sm text-ink-muted">{t("buyer.portalLink.openBody")}</p>
      )}
      {error && (
        <Alert tone="danger" role="alert" data-testid="portal-open-error">
          {error}
        </Alert>
      )}
      <div className="flex flex-col gap-2">
        {token && !error && (
          <Button onClick={onOpen} loading={pending}>
            {t("buyer.portalLink.open")}
          </Button>
        )}
        <Button variant="secondary" href={`/receipt/${orderId}`}>
          {t("buyer.portalLink.backToReceipt")}
        </Button>
      </div>
    </div>
  );
}
