/** True for Prisma's unique-constraint error (P2002), optionally on a given field. */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  if (!err || typeof err !== "object" || (err as { code?: string }).code !== "P2002") return false;
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
