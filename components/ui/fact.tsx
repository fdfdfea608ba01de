import type { ReactNode } from "react";

/** One label/value pair of a detail page's <dl> (a two-column grid). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-ink-subtle">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
