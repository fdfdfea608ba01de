import Link from "next/link";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { icons, type IconName } from "@/components/ui/icons";

export type NavItem = {
  href: string;
  label: string;
  /** An icon name from components/ui/icons (serializable from server layouts) or an icon element. */
  icon?: IconName | ReactElement;
  /** A count or short tag on the right, e.g. 3 or "New". */
  badge?: ReactNode;
  /** Items sharing a group are listed under that heading. */
  group?: string;
};

/** The nav item whose href is the longest prefix of the path, so /links/new lights "Links", not "Home" at /. */
export function activeHref(nav: NavItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { href } of nav) {
    const matches = pathname === href || pathname.startsWith(href.endsWith("/") ? href : `${href}/`);
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

function NavIcon({ icon }: { icon: NavItem["icon"] }) {
  if (!icon) return null;
  if (isValidElement(icon)) return icon;
  const Icon = icons[icon as IconName];
  return Icon ? <Icon size={18} /> : null;
}

type SidebarNavProps = {
  brand: ReactNode;
  nav: NavItem[];
  user: { name: string; email: string };
  footerSlot?: ReactNode;
  pathname: string;
  label: string;
};

export function SidebarNav({ brand, nav, user, footerSlot, pathname, label }: SidebarNavProps) {
  const active = activeHref(nav, pathname);
  return (
    <div className="flex h-full flex-col">
      <div className="flex h-14 shrink-0 items-center px-5 [&>a]:flex [&>a]:items-center">{brand}</div>
      <nav aria-label={label} className="flex-1 overflow-y-auto px-3 py-3">
        <ul className="flex flex-col gap-0.5">
          {nav.map((item, i) => {
            const isActive = item.href === active;
            const heading = item.group && item.group !== nav[i - 1]?.group ? item.group : null;
            return (
              <li key={item.href}>
                {heading && (
                  <p className="px-2.5 pt-5 pb-1.5 text-[11px] font-semibold tracking-wider text-ink-subtle uppercase">
                    {heading}
                  </p>
                )}
                <Link
                  href={item.href}
                  aria-current={isActive ? "page" : undefined}
                  className={cn(
                    "group flex h-9 items-center gap-3 rounded-md px-2.5 text-sm font-medium transition-colors",
                    "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus",
                    "[&_svg]:shrink-0",
                    isActive
                      ? "bg-brand-50 text-brand-800 [&_svg]:text-brand-700"
                      : "text-ink-muted hover:bg-surface-hover hover:text-ink [&_svg]:text-ink-subtle",
                  )}
                >
                  <NavIcon icon={item.icon} />
                  <span className="min-w-0 flex-1 truncate">{item.label}</span>
                  {item.badge !== undefined && item.badge !== null && (
                    <span
                      className={cn(
                        "rounded-full px-1.5 text-[11px] leading-5 font-semibold tabular-nums",
                        isActive
                          ? "bg-brand-100 text-brand-800"
                          : "bg-surface-sunken text-ink-muted ring-1 ring-line ring-inset",
                      )}
                    >
                      {item.badge}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="shrink-0 border-t border-line p-3">
        <div className="flex items-center gap-3 rounded-md px-2 py-1.5">
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
          >
            {initials(user.name)}
          </span>
          <div className="min-w-0 flex-1 leading-tight">
            <p className="truncate text-sm font-medium text-ink">{user.name}</p>
            <p className="truncate text-xs text-ink-subtle">{user.email}</p>
          </div>
        </div>
        {footerSlot && <div className="mt-1">{footerSlot}</div>}
      </div>
    </div>
  );
}
