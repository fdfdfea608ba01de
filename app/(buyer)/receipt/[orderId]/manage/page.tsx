import { Card, CardContent } from "@/components/ui/card";
import { PortalOpen } from "@/components/buyer/portal-open";
import { getI18n } from "@/lib/http/locale";

export async function generateMetadata() {
  const { t } = await getI18n();
  return { title: t("buyer.portalLink.openTitle"), robots: { index: false }, referrer: "no-referrer" as const };
}

export default async function ManageSubscriptionPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return (
    <Card className="w-full max-w-md">
      <CardContent className="py-8">
        <PortalOpen orderId={orderId} />
      </CardContent>
    </Card>
  );
}
