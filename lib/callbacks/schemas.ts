// Request shapes of the callbacks API.
import { z } from "zod";
import { CALLBACK_STATUSES, STORE_EVENT_TYPES } from "./event-types";
import { DEFAULT_ROTATION_OVERLAP_HOURS } from "./config";

const Url = z.url({ protocol: /^https?$/, message: "Enter an http:// or https:// URL." }).max(2048);
const EventTypes = z
  .array(z.enum(STORE_EVENT_TYPES))
  .max(STORE_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)]);

export const CreateEndpointInput = z.strictObject({
  /** Defaults to <storeDomain>/payments/events/ when the store has a domain. */
  url: Url.optional(),
  /** Empty or absent: every event type. */
  eventTypes: EventTypes.optional(),
  enabled: z.boolean().optional(),
});
export type CreateEndpointInput = z.infer<typeof CreateEndpointInput>;

export const UpdateEndpointInput = z
  .strictObject({ url: Url.optional(), eventTypes: EventTypes.optional(), enabled: z.boolean().optional() })
  .refine((v) => v.url !== undefined || v.eventTypes !== undefined || v.enabled !== undefined, {
    message: "Send at least one of url, eventTypes, enabled.",
  });
export type UpdateEndpointInput = z.infer<typeof UpdateEndpointInput>;

export const RotateSecretInput = z.strictObject({
  /** How long the old secret keeps signing beside the new one; 0 drops it at once. */
  overlapHours: z.number().int().min(0).max(168).default(DEFAULT_ROTATION_OVERLAP_HOURS),
});

export const TestEventInput = z.strictObject({ endpointId: z.string().min(1).max(64).optional() });

export const ReplayInput = z.strictObject({
  since: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  endpointId: z.string().min(1).max(64).optional(),
});

export const ListDeliveriesQuery = z.object({
  status: z.enum(CALLBACK_STATUSES).optional(),
  endpointId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page: the rows older than its last one. */
  cursor: z.string().max(200).optional(),
});
