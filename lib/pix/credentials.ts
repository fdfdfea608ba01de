import { z } from "zod";

/** How a credential field is shown in the seller's gateway form. */
export type CredentialField = {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  multiline: boolean;
  help?: string;
};

type FieldDef = {
  label: string;
  secret?: boolean;
  optional?: boolean;
  multiline?: boolean;
  help?: string;
  schema?: z.ZodString;
};

type Out<T extends Record<string, FieldDef>> = {
  [K in keyof T as T[K]["optional"] extends true ? never : K]: string;
} & {
  [K in keyof T as T[K]["optional"] extends true ? K : never]?: string;
};

export type CredentialSpec<C = Record<string, unknown>> = {
  schema: z.ZodType<C>;
  fields: CredentialField[];
};

/** One declaration gives both the zod schema (validation) and the UI field list (labels, secrecy). */
export function defineCredentials<const T extends Record<string, FieldDef>>(defs: T): CredentialSpec<Out<T>> {
  const shape: Record<string, z.ZodType> = {};
  const fields: CredentialField[] = [];
  for (const [name, def] of Object.entries(defs)) {
    const base = (def.schema ?? z.string()).trim().min(1, `${def.label} is required`);
    shape[name] = def.optional
      ? z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), base.optional())
      : base;
    fields.push({
      name,
      label: def.label,
      secret: def.secret ?? false,
      required: !def.optional,
      multiline: def.multiline ?? false,
      ...(def.help ? { help: def.help } : {}),
    });
  }
  return { schema: z.object(shape) as unknown as z.ZodType<Out<T>>, fields };
}

const MASK = "••••";

/** The browser's view of stored credentials: secrets as `••••1234` (or `••••` when short or PEM). */
export function maskCredentials(
  spec: CredentialSpec<unknown>,
  credentials: Record<string, unknown>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of spec.fields) {
    const value = credentials[field.name];
    if (typeof value !== "string" || value === "") out[field.name] = null;
    else if (!field.secret) out[field.name] = value;
    else out[field.name] = value.length >= 12 && !field.multiline ? MASK + value.slice(-4) : MASK;
  }
  return out;
}

/**
 * Applies a form submission to stored credentials: a secret field sent back empty or still masked
 * keeps the stored value, so the browser never needs the secret to edit other fields.
 */
export function mergeCredentialUpdate(
  spec: CredentialSpec<unknown>,
  stored: Record<string, unknown> | undefined,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = submitted[field.name];
    const keep =
      field.secret && (value === undefined || value === "" || (typeof value === "string" && value.startsWith(MASK)));
    out[field.name] = keep ? stored?.[field.name] : value;
  }
  return out;
}
