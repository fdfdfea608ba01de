import type { ReactNode, SVGProps } from "react";

export type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** 24×24 stroke icons drawn with currentColor. Decorative by default; pass aria-label + role="img" to make one meaningful. */
function make(name: string, paths: ReactNode) {
  // biome-ignore lint/correctness/noComponentHookFactories: make() runs once per icon at module load, never during a render
  function Icon({ size = 20, strokeWidth = 1.75, ...props }: IconProps) {
    const labelled = props["aria-label"] !== undefined;
    return (
      // biome-ignore lint/a11y/noSvgWithoutTitle: decorative (aria-hidden) unless the caller passes aria-label + role="img"
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden={labelled ? undefined : true}
        focusable="false"
        {...props}
      >
        {paths}
      </svg>
    );
  }
  Icon.displayName = `${name}Icon`;
  return Icon;
}

export const HomeIcon = make(
  "Home",
  <>
    <path d="M3 10.5 12 3l9 7.5" />
    <path d="M5 9v11h14V9" />
    <path d="M10 20v-6h4v6" />
  </>,
);
export const LinkIcon = make(
  "Link",
  <>
    <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1" />
    <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1" />
  </>,
);
export const PackageIcon = make(
  "Package",
  <>
    <path d="M21 8 12 3 3 8v8l9 5 9-5V8Z" />
    <path d="m3 8 9 5 9-5" />
    <path d="M12 13v8" />
    <path d="m7.5 5.5 9 5" />
  </>,
);
export const CreditCardIcon = make(
  "CreditCard",
  <>
    <rect x="2.5" y="5" width="19" height="14" rx="2" />
    <path d="M2.5 10h19" />
    <path d="M6.5 15h3" />
  </>,
);
export const CoinsIcon = make(
  "Coins",
  <>
    <ellipse cx="9" cy="7" rx="6" ry="3" />
    <path d="M3 7v5c0 1.7 2.7 3 6 3s6-1.3 6-3V7" />
    <path d="M9 15v2c0 1.7 2.7 3 6 3s6-1.3 6-3v-5c0-1.6-2.4-2.9-5.5-3" />
  </>,
);
export const WalletIcon = make(
  "Wallet",
  <>
    <path d="M19 7V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-3" />
    <path d="M21 8h-5a3 3 0 0 0 0 6h5z" />
    <circle cx="16.5" cy="11" r=".6" />
  </>,
);
export const FileTextIcon = make(
  "FileText",
  <>
    <path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8l-5-5Z" />
    <path d="M14 3v5h5" />
    <path d="M9 13h6" />
    <path d="M9 17h6" />
  </>,
);
export const QrCodeIcon = make(
  "QrCode",
  <>
    <rect x="3.5" y="3.5" width="6" height="6" rx="1" />
    <rect x="14.5" y="3.5" width="6" height="6" rx="1" />
    <rect x="3.5" y="14.5" width="6" height="6" rx="1" />
    <path d="M14.5 14.5h2.5v2.5" />
    <path d="M20.5 14.5v.01" />
    <path d="M14.5 20.5h.01" />
    <path d="M17 20.5h3.5V17" />
  </>,
);
export const BellIcon = make(
  "Bell",
  <>
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 8.5 3 8.5H3S6 15 6 8Z" />
    <path d="M10.3 20a1.9 1.9 0 0 0 3.4 0" />
  </>,
);
export const WebhookIcon = make(
  "Webhook",
  <>
    <path d="M18 16.98h-5.99c-1.1 0-1.95.94-2.48 1.9A4 4 0 0 1 2 17c.01-.7.2-1.4.57-2" />
    <path d="m6 17 3.13-5.78c.53-.97.1-2.18-.5-3.1a4 4 0 1 1 6.89-4.06" />
    <path d="m12 6 3.13 5.73C15.66 12.7 16.9 13 18 13a4 4 0 0 1 0 8" />
  </>,
);
export const KeyIcon = make(
  "Key",
  <>
    <circle cx="7.5" cy="15.5" r="4" />
    <path d="m10.5 12.5 9-9" />
    <path d="m16 7 3 3" />
    <path d="m14 9 2 2" />
  </>,
);
export const SettingsIcon = make(
  "Settings",
  <>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .34 1.87l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.7 1.7 0 0 0-1.87-.34 1.7 1.7 0 0 0-1.03 1.56V21a2 2 0 0 1-4 0v-.09A1.7 1.7 0 0 0 8.9 19.4a1.7 1.7 0 0 0-1.87.34l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.7 1.7 0 0 0 4.6 15a1.7 1.7 0 0 0-1.56-1.03H3a2 2 0 0 1 0-4h.09A1.7 1.7 0 0 0 4.6 8.9a1.7 1.7 0 0 0-.34-1.87l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.7 1.7 0 0 0 8.96 4.6H9a1.7 1.7 0 0 0 1-1.56V3a2 2 0 0 1 4 0v.09a1.7 1.7 0 0 0 1.03 1.56 1.7 1.7 0 0 0 1.87-.34l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06a1.7 1.7 0 0 0-.34 1.87V9c.26.6.85 1 1.51 1H21a2 2 0 0 1 0 4h-.09a1.7 1.7 0 0 0-1.51 1Z" />
  </>,
);
export const ShieldIcon = make(
  "Shield",
  <>
    <path d="M12 3 4.5 6v5.5c0 4.6 3.2 8.3 7.5 9.5 4.3-1.2 7.5-4.9 7.5-9.5V6L12 3Z" />
    <path d="m9 12 2 2 4-4" />
  </>,
);
export const UsersIcon = make(
  "Users",
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
    <path d="M16 4.6a3.5 3.5 0 0 1 0 6.8" />
    <path d="M18.5 14.2A6.5 6.5 0 0 1 21.5 20" />
  </>,
);
export const StoreIcon = make(
  "Store",
  <>
    <path d="M3.5 9.5 5 4h14l1.5 5.5" />
    <path d="M3.5 9.5a2.8 2.8 0 0 0 5.5 0 2.8 2.8 0 0 0 6 0 2.8 2.8 0 0 0 5.5 0" />
    <path d="M5 12.5V20h14v-7.5" />
    <path d="M10 20v-4.5h4V20" />
  </>,
);
export const ActivityIcon = make("Activity", <path d="M3 12h4l3-8 4 16 3-8h4" />);
export const LogOutIcon = make(
  "LogOut",
  <>
    <path d="M9 21H5.5A1.5 1.5 0 0 1 4 19.5v-15A1.5 1.5 0 0 1 5.5 3H9" />
    <path d="m16 17 5-5-5-5" />
    <path d="M21 12H9" />
  </>,
);
export const MenuIcon = make(
  "Menu",
  <>
    <path d="M4 6h16" />
    <path d="M4 12h16" />
    <path d="M4 18h16" />
  </>,
);
export const XIcon = make(
  "X",
  <>
    <path d="M18 6 6 18" />
    <path d="m6 6 12 12" />
  </>,
);
export const CheckIcon = make("Check", <path d="m4.5 12.5 5 5 10-11" />);
export const CopyIcon = make(
  "Copy",
  <>
    <rect x="8.5" y="8.5" width="12" height="12" rx="2" />
    <path d="M15.5 8.5V5a1.5 1.5 0 0 0-1.5-1.5H5A1.5 1.5 0 0 0 3.5 5v9A1.5 1.5 0 0 0 5 15.5h3.5" />
  </>,
);
export const ExternalLinkIcon = make(
  "ExternalLink",
  <>
    <path d="M14 4h6v6" />
    <path d="m20 4-9 9" />
    <path d="M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10" />
  </>,
);
export const ChevronRightIcon = make("ChevronRight", <path d="m9 6 6 6-6 6" />);
export const ChevronDownIcon = make("ChevronDown", <path d="m6 9 6 6 6-6" />);
export const AlertTriangleIcon = make(
  "AlertTriangle",
  <>
    <path d="M10.3 4.1 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.1a2 2 0 0 0-3.4 0Z" />
    <path d="M12 9.5v4" />
    <path d="M12 17h.01" />
  </>,
);
export const InfoIcon = make(
  "Info",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5" />
    <path d="M12 8h.01" />
  </>,
);
export const CheckCircleIcon = make(
  "CheckCircle",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m8.5 12.5 2.5 2.5 4.5-5" />
  </>,
);
export const XCircleIcon = make(
  "XCircle",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m15 9-6 6" />
    <path d="m9 9 6 6" />
  </>,
);
export const PlusIcon = make(
  "Plus",
  <>
    <path d="M12 5v14" />
    <path d="M5 12h14" />
  </>,
);
export const SearchIcon = make(
  "Search",
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.2-4.2" />
  </>,
);
export const ArrowRightIcon = make(
  "ArrowRight",
  <>
    <path d="M5 12h14" />
    <path d="m13 6 6 6-6 6" />
  </>,
);
export const EyeIcon = make(
  "Eye",
  <>
    <path d="M2.5 12S6 5 12 5s9.5 7 9.5 7-3.5 7-9.5 7-9.5-7-9.5-7Z" />
    <circle cx="12" cy="12" r="3" />
  </>,
);
export const EyeOffIcon = make(
  "EyeOff",
  <>
    <path d="M10.6 5.1A9.7 9.7 0 0 1 12 5c6 0 9.5 7 9.5 7a16.8 16.8 0 0 1-2.4 3.3" />
    <path d="M6.6 6.6C3.9 8.4 2.5 12 2.5 12s3.5 7 9.5 7a9.4 9.4 0 0 0 5.4-1.6" />
    <path d="M9.9 9.9a3 3 0 0 0 4.2 4.2" />
    <path d="m3 3 18 18" />
  </>,
);
export const GlobeIcon = make(
  "Globe",
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18" />
    <path d="M12 3a14 14 0 0 1 0 18 14 14 0 0 1 0-18Z" />
  </>,
);
export const ZapIcon = make("Zap", <path d="M13 2.5 4.5 13.5H12l-1 8 8.5-11H12l1-8Z" />);
export const TagIcon = make(
  "Tag",
  <>
    <path d="M3 12.2V4.5A1.5 1.5 0 0 1 4.5 3h7.7a1.5 1.5 0 0 1 1.06.44l7.3 7.3a1.5 1.5 0 0 1 0 2.12l-7.7 7.7a1.5 1.5 0 0 1-2.12 0l-7.3-7.3A1.5 1.5 0 0 1 3 12.2Z" />
    <circle cx="8" cy="8" r="1.5" />
  </>,
);
export const BarChartIcon = make(
  "BarChart",
  <>
    <path d="M4 20h16" />
    <path d="M7 16v-5M12 16V6M17 16v-8" />
  </>,
);
export const GaugeIcon = make(
  "Gauge",
  <>
    <path d="M4.5 17a8.5 8.5 0 1 1 15 0" />
    <path d="m12 13 3.5-4" />
    <circle cx="12" cy="13.5" r="1" />
  </>,
);
export const RefreshIcon = make(
  "Refresh",
  <>
    <path d="M20 11a8 8 0 0 0-14.3-4.3L4 9" />
    <path d="M4 4v5h5" />
    <path d="M4 13a8 8 0 0 0 14.3 4.3L20 15" />
    <path d="M20 20v-5h-5" />
  </>,
);

/** Name → icon, so server code can describe navigation with plain strings. */
export const icons = {
  home: HomeIcon,
  link: LinkIcon,
  package: PackageIcon,
  "credit-card": CreditCardIcon,
  coins: CoinsIcon,
  wallet: WalletIcon,
  "file-text": FileTextIcon,
  "qr-code": QrCodeIcon,
  bell: BellIcon,
  webhook: WebhookIcon,
  key: KeyIcon,
  settings: SettingsIcon,
  shield: ShieldIcon,
  users: UsersIcon,
  store: StoreIcon,
  activity: ActivityIcon,
  "log-out": LogOutIcon,
  menu: MenuIcon,
  x: XIcon,
  check: CheckIcon,
  copy: CopyIcon,
  "external-link": ExternalLinkIcon,
  "chevron-right": ChevronRightIcon,
  "chevron-down": ChevronDownIcon,
  "alert-triangle": AlertTriangleIcon,
  info: InfoIcon,
  "check-circle": CheckCircleIcon,
  "x-circle": XCircleIcon,
  plus: PlusIcon,
  search: SearchIcon,
  "arrow-right": ArrowRightIcon,
  eye: EyeIcon,
  "eye-off": EyeOffIcon,
  globe: GlobeIcon,
  zap: ZapIcon,
  tag: TagIcon,
  "bar-chart": BarChartIcon,
  gauge: GaugeIcon,
  refresh: RefreshIcon,
} as const;

export type IconName = keyof typeof icons;
