// GET /api/v1/admin/billing/overview — MRR per currency, subscriptions by status, invoices, dunning, failed payments per day
import { withAdmin } from "@/lib/http/handler";
import { amountInDunning, failedPaymentsByDay } from "@/lib/dunning/admin";
import { billingSnapshot } from "@/lib/metrics/billing";

export const GET = withAdmin("GET /api/v1/admin/billing/overview", async () => {
  const [snapshot, inDunning, daily] = await Promise.all([
    billingSnapshot(),
    amountInDunning(),
    failedPaymentsByDay(30),
  ]);
  return { ...snapshot, amountInDunning: inDunning, paymentsByDay: daily };
});
