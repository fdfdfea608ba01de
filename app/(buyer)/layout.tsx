import { Logo } from "@/components/layout/logo";
import { LocaleSwitch } from "@/components/layout/locale-switch";

export const dynamic = "force-dynamic";

export default function BuyerLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Logo size="sm" />
        <LocaleSwitch />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:pt-10">{children}</main>
    </div>
  );
}
