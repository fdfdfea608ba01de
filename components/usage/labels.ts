// Resource names and bands as people read them; reported resource types show as their slug.
import type { TranslateFn } from "@/lib/i18n/translate";

const KNOWN = ["api_calls", "orders", "pix_charges", "callbacks", "products", "stores"] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (r: string): r is Known => (KNOWN as readonly string[]).includes(r);

export function resourceLabel(t: TranslateFn, resource: string): string {
  return isKnown(resource) ? t(`usage.resources.${resource}`) : resource;
}

export function resourceHint(t: TranslateFn, resource: string): string | null {
  return isKnown(resource) ? t(`usage.hints.${resource}`) : null;
}
