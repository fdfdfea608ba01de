import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { Card, CardContent } from "@/components/ui/card";
import { ReceiptStatus } from "@/components/buyer/receipt-status";
import { getPublicOrder } from "@/lib/checkout/public";
import { AppError } from "@/lib/errors";
import { requestInfo, buyerAudit } from "@/lib/request/context";

export const metadata = { title: "Receipt" };

export default async function ReceiptPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ canceled?: string }>;
}) {
  const { orderId } = await params;
  const { canceled } = await searchParams;
  const info = requestInfo(new Request("http://local", { headers: await headers() }));
  const order = await getPublicOrder(orderId, buyerAudit(info)).catch((e) =>
    e instanceof AppError && e.status === 404 ? null : Promise.reject(e),
  );
  if (!order) notFound();
  return (
    <Card className="w-full max-w-md">
      <CardContent className="py-8">
        <ReceiptStatus
          initial={{ ...order, paidAt: order.paidAt?.toISOString() ?? null }}
          canceled={canceled === "1"}
        />
      </CardContent>
    </Card>
  );
}
