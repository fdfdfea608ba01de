// The callback contract as a reader sees it, read from the zod schemas in ./contract.ts: every
// event type, each source it comes from, the `data.status` values and the `data` fields. The
// public /docs/callbacks page renders this, so it lists exactly what Vitrine sends; its markdown
// form is the table in docs/store-integration.md (tests/callbacks/contract-reference.test.ts).
import { z } from "zod";
import { StoreEventSchema } from "./contract";

export type ContractField = { name: string; nullable: boolean };
export type ContractVariant = {
  /** The schema's description of where the event comes from ("Stripe order", "PIX charge", …). */
  source: string;
  /** Literal status values, or null when the status is free text (then `statusNote` says what it is). */
  statuses: string[] | null;
  statusNote: string | null;
  fields: ContractField[];
};
export type ContractEvent = { type: string; variants: ContractVariant[] };

/** The version of the callback body this reference describes; changes inside it are additive only. */
export const CALLBACK_CONTRACT_VERSION = 1;

/** The top-level fields of every body, in the order they are sent. */
export const ENVELOPE_FIELDS = ["id", "type", "created", "livemode", "data"] as const;

function statusOf(schema: z.ZodType): Pick<ContractVariant, "statuses" | "statusNote"> {
  if (schema instanceof z.ZodLiteral) return { statuses: [...schema.values].map(String), statusNote: null };
  if (schema instanceof z.ZodEnum) return { statuses: schema.options.map(String), statusNote: null };
  return { statuses: null, statusNote: schema.description ?? null };
}

export function contractReference(): ContractEvent[] {
  return (StoreEventSchema.options as unknown as z.ZodObject[]).map((event) => {
    const data = event.shape.data as z.ZodType;
    const variants = (data instanceof z.ZodUnion ? data.options : [data]) as z.ZodObject[];
    return {
      type: String((event.shape.type as z.ZodLiteral).value),
      variants: variants.map((v) => ({
        source: v.description ?? "",
        ...statusOf(v.shape.status as z.ZodType),
        fields: Object.entries(v.shape).map(([name, s]) => ({
          name,
          nullable: (s as z.ZodType).safeParse(null).success,
        })),
      })),
    };
  });
}

/** The same reference as the markdown table of docs/store-integration.md. */
export function contractTableMarkdown(events = contractReference()): string {
  const rows = ["| `type` | from | `data.status` | `data` fields (`?` may be `null`) |", "| --- | --- | --- | --- |"];
  for (const e of events)
    for (const v of e.variants) {
      const status = v.statuses ? v.statuses.map((s) => `\`${s}\``).join(", ") : (v.statusNote ?? "");
      const fields = v.fields.map((f) => `\`${f.name}${f.nullable ? "?" : ""}\``).join(", ");
      rows.push(`| \`${e.type}\` | ${v.source} | ${status} | ${fields} |`);
    }
  return rows.join("\n");
}
