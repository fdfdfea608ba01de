import Link from "next/link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode, Ref } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "link";
export type ButtonSize = "sm" | "md" | "lg";

type StyleProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
  /** Square button holding only an icon; give it an aria-label. */
  iconOnly?: boolean;
  /** Busy buttons keep full colour (the spinner says why they don't respond); disabled ones fade. */
  loading?: boolean;
};

const base =
  "inline-flex items-center justify-center gap-2 whitespace-nowrap font-medium select-none transition-colors " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus " +
  "disabled:pointer-events-none aria-disabled:pointer-events-none " +
  "[&_svg]:shrink-0";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-ink-inverse shadow-xs hover:bg-brand-800 active:bg-brand-900",
  secondary:
    "border border-line-strong bg-surface-raised text-ink shadow-xs hover:bg-surface-sunken active:bg-surface-hover",
  ghost: "text-ink-muted hover:bg-surface-hover hover:text-ink",
  danger: "bg-danger text-ink-inverse shadow-xs hover:bg-danger-hover",
  link: "rounded-sm text-brand-700 underline-offset-4 hover:text-brand-800 hover:underline",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 rounded-md text-[13px] [&_svg]:size-4",
  md: "h-9 rounded-md text-sm [&_svg]:size-4",
  lg: "h-11 rounded-lg text-[15px] [&_svg]:size-5",
};

const paddings: Record<ButtonSize, string> = { sm: "px-3", md: "px-3.5", lg: "px-5" };
const squares: Record<ButtonSize, string> = { sm: "w-8", md: "w-9", lg: "w-11" };

/** The button look as a class string, for elements Button cannot render itself (e.g. a <summary> or <label>). */
export function buttonClasses(
  { variant = "primary", size = "md", fullWidth, iconOnly, loading }: StyleProps = {},
  className?: string,
) {
  return cn(
    base,
    loading ? "cursor-progress" : "disabled:opacity-55 aria-disabled:opacity-55",
    variants[variant],
    variant === "link" ? "text-sm" : sizes[size],
    variant !== "link" && (iconOnly ? squares[size] : paddings[size]),
    fullWidth && "w-full",
    className,
  );
}

type CommonProps = StyleProps & {
  children?: ReactNode;
  className?: string;
};

type AsButton = CommonProps &
  ButtonHTMLAttributes<HTMLButtonElement> & { href?: undefined; ref?: Ref<HTMLButtonElement> };
type AsLink = CommonProps &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
    href: string;
    /** Opens in a new tab with rel="noopener noreferrer"; implied for absolute http(s) URLs. */
    external?: boolean;
    disabled?: boolean;
    ref?: Ref<HTMLAnchorElement>;
  };

export type ButtonProps = AsButton | AsLink;

/** Button, or a link that looks like one when `href` is given (Next <Link> for app paths). */
export function Button(props: ButtonProps) {
  if (props.href !== undefined) {
    const { variant, size, fullWidth, iconOnly, loading, className, children, href, external, disabled, ...rest } =
      props;
    const classes = buttonClasses({ variant, size, fullWidth, iconOnly, loading }, className);
    const content = (
      <>
        {loading && <Spinner size="sm" />}
        {children}
      </>
    );
    if (disabled || loading) {
      return (
        <a {...rest} aria-disabled="true" aria-busy={loading || undefined} className={classes}>
          {content}
        </a>
      );
    }
    const isExternal = external ?? /^https?:\/\//.test(href);
    if (isExternal) {
      return (
        <a {...rest} href={href} target="_blank" rel="noopener noreferrer" className={classes}>
          {content}
        </a>
      );
    }
    return (
      <Link {...rest} href={href} className={classes}>
        {content}
      </Link>
    );
  }
  const {
    variant,
    size,
    fullWidth,
    iconOnly,
    loading,
    className,
    children,
    disabled,
    type = "button",
    ...rest
  } = props;
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonClasses({ variant, size, fullWidth, iconOnly, loading }, className)}
    >
      {loading && <Spinner size="sm" />}
      {children}
    </button>
  );
}
