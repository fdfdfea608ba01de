import { ComingSoon } from "@/components/seller/coming-soon";

export default function Page() {
  return <ComingSoon title="nav.connect" description="dashboard.sections.connect" />;
}
