import { cn } from "@/components/ui/cn";

export type LogoProps = {
  /** Mark only (favicons, tight spaces). */
  markOnly?: boolean;
  size?: "sm" | "md" | "lg";
  /** "inverse" for dark backgrounds. */
  tone?: "default" | "inverse";
  className?: string;
};

const marks = { sm: 22, md: 28, lg: 36 } as const;
const words = { sm: "text-[15px]", md: "text-lg", lg: "text-2xl" } as const;

/** The Vitrine wordmark: a shop-window mark (a framed "V") and the name. */
export function Logo({ markOnly, size = "md", tone = "default", className }: LogoProps) {
  const px = marks[size];
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-label is set only together with role="img" (markOnly)
    <span
      className={cn("inline-flex items-center gap-2", className)}
      aria-label={markOnly ? "Vitrine" : undefined}
      role={markOnly ? "img" : undefined}
    >
      <svg width={px} height={px} viewBox="0 0 32 32" aria-hidden="true" className="shrink-0">
        <rect width="32" height="32" rx="8" className={tone === "inverse" ? "fill-ink-inverse" : "fill-brand-700"} />
        <path
          d="M7 8.5h18"
          strokeWidth="2.4"
          strokeLinecap="round"
          className={tone === "inverse" ? "stroke-brand-400" : "stroke-brand-300"}
        />
        <path
          d="m9.5 13 6.5 11 6.5-11"
          fill="none"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
          className={tone === "inverse" ? "stroke-brand-800" : "stroke-ink-inverse"}
        />
      </svg>
      {!markOnly && (
        <span
          className={cn(
            "font-semibold tracking-tight",
            words[size],
            tone === "inverse" ? "text-ink-inverse" : "text-ink",
          )}
        >
          Vitrine
        </span>
      )}
    </span>
  );
}
