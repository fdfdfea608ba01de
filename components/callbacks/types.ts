// JSON shapes of the callbacks API as the dashboard receives them (dates as ISO strings).
import type { CallbackStatusName, StoreEventType } from "@/lib/callbacks/event-types";
import type { MessageKey } from "@/lib/i18n/translate";
import type { DeliverySubject } from "@/lib/callbacks/delivery-subject";

export type EndpointRow = {
  id: string;
  url: string;
  enabled: boolean;
  eventTypes: StoreEventType[];
  secretPrefix: string;
  previousSecretExpiresAt: string | null;
  consecutiveFailures: number;
  disabledReason: string | null;
  disabledAt: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  createdAt: string;
};

export type DeliveryRow = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: StoreEventType;
  status: CallbackStatusName;
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  lastResponseExcerpt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  /** The payment the delivery is about (absent from older API answers). */
  subject?: DeliverySubject;
};

/** GET /api/v1/callbacks/deliveries/:id (lib/callbacks/delivery-detail.ts), dates as ISO strings. */
export type DeliveryDetailView = {
  id: string;
  eventId: string;
  eventType: StoreEventType;
  status: CallbackStatusName;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  endpoint: { id: string; url: string; secretPrefix: string };
  subject: DeliverySubject;
  body: string;
  headers: Array<{ name: string; value: string; note?: "per_attempt" | "signature" }>;
  attemptLog: Array<{
    attempt: number;
    statusCode: number | null;
    error: string | null;
    latencyMs: number;
    responseExcerpt: string | null;
    createdAt: string;
  }>;
};

export const ENDPOINTS_KEY = ["callbacks", "endpoints"] as const;
export const DELIVERIES_KEY = ["callbacks", "deliveries"] as const;

/** Rows per page of the delivery log; "Load more" follows the cursor to older ones (no total is counted). */
export const DELIVERY_PAGE = 50;

/** One page of the delivery log, newest first; `nextCursor` follows to older ones. */
export type DeliveryPage = { data: DeliveryRow[]; nextCursor: string | null };
export const deliveryKey = (id: string) => ["callbacks", "delivery", id] as const;

/** Where a delivery's payment opens: the payment detail page takes card order and PIX charge ids alike. */
export const paymentHref = (id: string) => `/dashboard/payments/${encodeURIComponent(id)}`;

/** "payment.succeeded" → its label key (message keys cannot contain dots). */
export const eventLabelKey = (type: string) => `callbacks.events.${type.replace(".", "_")}` as MessageKey;
