type RawCause = { kind?: string; originalCode?: string; originalMessage?: string; constraint?: { fields?: string[] } };

/**
 * True for a unique-constraint error, optionally on a given field, in each shape it arrives:
 * Prisma's P2002 (model queries), a raw query's SQLSTATE 23505 as the driver adapters wrap it, and
 * node-postgres' own error from a raw statement sent straight to the driver (lib/db/direct.ts).
 */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  if (!err || typeof err !== "object") return false;
  const code = (err as { code?: string }).code;
  if (code === "23505") {
    if (!field) return true;
    const { detail, constraint } = err as { detail?: string; constraint?: string };
    return `${detail ?? ""} ${constraint ?? ""}`.includes(field);
  }
  const raw = (err as { meta?: { code?: string; message?: string; driverAdapterError?: { cause?: RawCause } } }).meta;
  const cause = raw?.driverAdapterError?.cause;
  if (raw?.code === "23505" || cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation") {
    if (!field) return true;
    const text = `${raw?.message ?? ""} ${cause?.originalMessage ?? ""} ${(cause?.constraint?.fields ?? []).join(" ")}`;
    return text.includes(field) || !text.trim();
  }
  if (code !== "P2002") return false;
  if (!field) return true;
  const meta = (
    err as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } }
  ).meta;
  const target = meta?.target;
  const fields = Array.isArray(target)
    ? target
    : typeof target === "string"
      ? [target]
      : (meta?.driverAdapterError?.cause?.constraint?.fields ?? []);
  return fields.length === 0 || fields.some((f) => String(f).includes(field));
}
