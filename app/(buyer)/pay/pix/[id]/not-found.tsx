import { Card, CardContent } from "@/components/ui/card";
import { QrCodeIcon } from "@/components/ui/icons";
import { getI18n } from "@/lib/http/locale";

export default async function PixChargeNotFound() {
  const { t } = await getI18n();
  return (
    <Card className="w-full max-w-md">
      <CardContent className="flex flex-col items-center gap-3 py-10 text-center" data-testid="pix-pay-not-found">
        <span className="flex size-11 items-center justify-center rounded-full bg-surface-sunken text-ink-subtle ring-1 ring-line [&_svg]:size-5">
          <QrCodeIcon aria-hidden />
        </span>
        <h1 className="text-lg font-semibold">{t("pix.pay.notFoundTitle")}</h1>
        <p className="max-w-xs text-sm text-ink-muted">{t("pix.pay.notFoundBody")}</p>
      </CardContent>
    </Card>
  );
}
