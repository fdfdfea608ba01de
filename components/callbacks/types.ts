// JSON shapes of the callbacks API as the dashboard receives them (dates as ISO strings).
import type { CallbackStatusName, StoreEventType } from "@/lib/callbacks/event-types";
import type { MessageKey } from "@/lib/i18n/translate";

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
};

export const ENDPOINTS_KEY = ["callbacks", "endpoints"] as const;
export const DELIVERIES_KEY = ["callbacks", "deliveries"] as const;

/** "payment.succeeded" → its label key (message keys cannot contain dots). */
export const eventLabelKey = (type: string) => `callbacks.events.${type.replace(".", "_")}` as MessageKey;
