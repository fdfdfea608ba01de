type ClassValue = string | false | null | undefined;

const DISPLAY = new Set([
  "block",
  "inline-block",
  "inline",
  "flex",
  "inline-flex",
  "grid",
  "inline-grid",
  "contents",
  "table",
  "hidden",
  "flow-root",
]);

/**
 * Joins class names, skipping falsy values. One conflict is resolved: a later display utility
 * (e.g. "hidden" from a caller) replaces an earlier one with the same variant (e.g. a component's
 * "inline-flex"), so `className="hidden sm:inline-flex"` works on any component. Other conflicting
 * utilities are not merged; components keep their own classes disjoint from what callers override.
 */
export function cn(...values: ClassValue[]): string {
  const classes = values.filter(Boolean).join(" ").split(/\s+/).filter(Boolean);
  const lastDisplay = new Map<string, number>();
  classes.forEach((c, i) => {
    const cut = c.lastIndexOf(":");
    if (DISPLAY.has(c.slice(cut + 1))) lastDisplay.set(c.slice(0, cut + 1), i);
  });
  return classes
    .filter((c, i) => {
      const cut = c.lastIndexOf(":");
      return !DISPLAY.has(c.slice(cut + 1)) || lastDisplay.get(c.slice(0, cut + 1)) === i;
    })
    .join(" ");
}
