import { redirect } from "next/navigation";
import { requireSellerPage } from "@/lib/auth/session";

/** An order's page is its payment's page (timeline, refunds, callbacks); old links keep working. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSellerPage();
  const { id } = await params;
  redirect(`/dashboard/payments/${encodeURIComponent(id)}`);
}
