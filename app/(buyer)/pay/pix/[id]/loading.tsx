import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { getI18n } from "@/lib/i18n/server";

export default async function Loading() {
  const { t } = await getI18n();
  return (
    <Card className="w-full max-w-md" aria-busy="true">
      <CardContent className="flex flex-col items-center gap-5 py-8">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-9 w-32" />
        <Skeleton className="size-52 rounded-lg" />
        <span className="flex items-center gap-2 text-sm text-ink-muted"><Spinner size="sm" />{t("pix.pay.loading")}</span>
      </CardContent>
    </Card>
  );
}
