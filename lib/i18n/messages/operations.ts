import { defineMessages } from "./define";

// The admin's payments operations and platform metrics (#18).
export default defineMessages(
  {
    title: "Operations",
    description:
      "The platform's figures over the last {days} days, and every payment that failed or got stuck across card orders, credit purchases and PIX charges, with where to act.",
    gmv: "GMV",
    gmvHint: "{count} paid payment(s)",
    fees: "Fee revenue",
    feesHint: "Application fees on card payments",
    noFees: "No fees yet",
    activeSellers: "Active sellers",
    activeSellersHint: "Stores with a paid payment",
    successRate: "Payment success rate",
    successHint: "{paid} paid · {failed} failed",
    noOutcomes: "No outcomes yet",
    problems: "Failed and stuck payments",
    problemsHint:
      "Last 7 days. Stuck: submitted more than {minutes} minutes ago with no outcome, or a PIX charge past its expiry still pending (the reconciler has not settled it).",
    none: "Nothing failed or stuck in the last 7 days.",
    kind: { card_order: "Card order", credit_purchase: "Credit purchase", pix_charge: "PIX charge" },
    state: { failed: "Failed", stuck: "Stuck" },
    act: "Act",
  },
  {
    title: "Operações",
    description:
      "Os números da plataforma nos últimos {days} dias e cada pagamento que falhou ou travou em pedidos com cartão, compras de créditos e cobranças PIX, com onde agir.",
    gmv: "GMV",
    gmvHint: "{count} pagamento(s) pago(s)",
    fees: "Receita de taxas",
    feesHint: "Taxas de aplicação em pagamentos com cartão",
    noFees: "Nenhuma taxa ainda",
    activeSellers: "Vendedores ativos",
    activeSellersHint: "Lojas com um pagamento pago",
    successRate: "Taxa de sucesso dos pagamentos",
    successHint: "{paid} pagos · {failed} falharam",
    noOutcomes: "Nenhum resultado ainda",
    problems: "Pagamentos com falha ou travados",
    problemsHint:
      "Últimos 7 dias. Travado: enviado há mais de {minutes} minutos sem resultado, ou cobrança PIX vencida ainda pendente (o conciliador ainda não a resolveu).",
    none: "Nada falhou ou travou nos últimos 7 dias.",
    kind: { card_order: "Pedido com cartão", credit_purchase: "Compra de créditos", pix_charge: "Cobrança PIX" },
    state: { failed: "Falhou", stuck: "Travado" },
    act: "Agir",
  },
);
