import { redirect } from "next/navigation";
import { requireSellerPage } from "@/lib/auth/session";
import { CARD_STATUS } from "@/lib/payments/status";

type Props = { searchParams: Promise<{ status?: string }> };

/** Card orders live in the one payment history now: /dashboard/orders?status=PAID keeps working as a filter. */
export default async function OrdersPage({ searchParams }: Props) {
  await requireSellerPage();
  const requested = (await searchParams).status;
  const status = requested && Object.hasOwn(CARD_STATUS, requested) ? CARD_STATUS[requested] : undefined;
  redirect(`/dashboard/payments?method=card${status ? `&status=${status}` : ""}`);
}
