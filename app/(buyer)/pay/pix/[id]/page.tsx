import { notFound } from "next/navigation";
import { Card, CardContent } from "@/components/ui/card";
import { PixPayment } from "@/components/pix/pix-payment";
import type { PublicPixCharge } from "@/components/pix/types";
import { AppError } from "@/lib/errors";
import { getI18n } from "@/lib/http/locale";
import { getPublicPixCharge } from "@/lib/pix/service";

export const metadata = { title: "PIX", robots: { index: false } };

export default async function PixPayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[a-z0-9]{10,40}$/i.test(id)) notFound();
  const charge = await getPublicPixCharge(id).catch((e) =>
    e instanceof AppError && e.status === 404 ? null : Promise.reject(e),
  );
  if (!charge) notFound();
  const { t } = await getI18n();
  return (
    <Card className="w-full max-w-md">
      <CardContent className="space-y-6 py-6">
        {/* A refresh that finds the charge in another state (buyer data taken, code ready) starts that state afresh. */}
        <PixPayment
          key={`${charge.status}:${charge.brCode ? "code" : "none"}`}
          initial={JSON.parse(JSON.stringify(charge)) as PublicPixCharge}
        />
        <p className="border-t border-line pt-4 text-center text-xs text-ink-subtle">
          {t("pix.pay.secured", { store: charge.storeName })}
        </p>
      </CardContent>
    </Card>
  );
}
