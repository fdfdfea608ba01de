import type { HTMLAttributes } from "react";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";

/** Inline monospace: ids, field names, short values. */
export function Code({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return (
    <code
      {...props}
      className={cn(
        "rounded-sm border border-line bg-surface-sunken px-1 py-px font-mono text-[0.85em] text-ink break-all",
        className,
      )}
    />
  );
}

export type CodeBlockProps = {
  value: string;
  /** Caption above the value, e.g. "Secret key". */
  label?: string;
  /** Adds a copy button (client component). */
  copyable?: boolean;
  /** Keep to one line and scroll sideways instead of wrapping (API keys, URLs). */
  nowrap?: boolean;
  className?: string;
};

/** A monospace block for API keys, webhook secrets, URLs and payload samples. */
export function CodeBlock({ value, label, copyable, nowrap, className }: CodeBlockProps) {
  return (
    <div className={cn("overflow-hidden rounded-lg border border-line bg-surface-sunken", className)}>
      {(label || copyable) && (
        <div className="flex items-center justify-between gap-2 border-b border-line bg-surface-raised py-1.5 pr-1.5 pl-3">
          <span className="text-xs font-medium text-ink-muted">{label}</span>
          {copyable && <CopyButton value={value} variant="ghost" size="sm" />}
        </div>
      )}
      <pre
        className={cn(
          "overflow-x-auto px-3 py-2.5 font-mono text-[13px] leading-relaxed text-ink",
          nowrap ? "whitespace-pre" : "whitespace-pre-wrap break-all",
        )}
      >
        <code>{value}</code>
      </pre>
    </div>
  );
}
