/** Shared look of text-like form controls (input, textarea, select). Invalid state comes from aria-invalid. */
export const controlBase =
  "block w-full rounded-md border border-line-control bg-surface-raised text-ink shadow-xs transition-[border-color,box-shadow] " +
  "placeholder:text-ink-subtle " +
  "hover:border-ink-subtle " +
  "focus:border-brand-600 focus:outline-none focus:ring-3 focus:ring-brand-600/25 " +
  "aria-invalid:border-danger aria-invalid:focus:ring-danger/25 " +
  "disabled:cursor-not-allowed disabled:bg-surface-sunken disabled:text-ink-subtle disabled:hover:border-line-control";

export const controlSizes = {
  sm: "h-8 px-2.5 text-[13px]",
  md: "h-9 px-3 text-sm",
  lg: "h-11 px-3.5 text-[15px]",
} as const;

export type ControlSize = keyof typeof controlSizes;
