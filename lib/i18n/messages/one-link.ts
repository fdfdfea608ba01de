import { defineMessages } from "./define";

// Owned by the one buy link work (#17 items 1, 4, 6): quantity and PIX on the pay page, the product's
// quantity limit in the dashboard. Every key needs both languages.
export default defineMessages(
  {
    quantity: {
      label: "Quantity",
      less: "One less",
      more: "One more",
      max: "Up to {max} per purchase.",
      aboveLimit: "At most {max} per purchase.",
    },
    pix: {
      tab: "PIX",
      body: "Pay instantly from your bank's app. The next page shows the QR code and the copy-and-paste code.",
      total: "Total",
      generate: "Pay {amount} with PIX",
      unavailable: "PIX is not available right now. Choose another method.",
      dataNote: "If the store's PIX provider needs your CPF, the next page asks for it.",
    },
    product: {
      maxQuantity: "Most per purchase",
      maxQuantityHint: "1 = buyers take one (no quantity field on the buy link). Up to 100.",
    },
    link: {
      title: "Buy link",
      oneLinkHint: "One link for card (installments where offered), boleto and PIX when your store takes them.",
      subscriptionHint: "Subscriptions are paid by card on Stripe's checkout.",
      otherMethods: "Prefer PIX or boleto? Pay on the store's buy link.",
    },
  },
  {
    quantity: {
      label: "Quantidade",
      less: "Menos um",
      more: "Mais um",
      max: "Até {max} por compra.",
      aboveLimit: "No máximo {max} por compra.",
    },
    pix: {
      tab: "PIX",
      body: "Pague na hora pelo app do seu banco. A próxima página mostra o QR Code e o código copia e cola.",
      total: "Total",
      generate: "Pagar {amount} com PIX",
      unavailable: "O PIX não está disponível agora. Escolha outra forma de pagamento.",
      dataNote: "Se o provedor PIX da loja precisar do seu CPF, a próxima página pede.",
    },
    product: {
      maxQuantity: "Máximo por compra",
      maxQuantityHint: "1 = uma unidade por compra (sem campo de quantidade no link). Até 100.",
    },
    link: {
      title: "Link de compra",
      oneLinkHint: "Um só link para cartão (parcelado onde houver), boleto e PIX quando sua loja aceita.",
      subscriptionHint: "Assinaturas são pagas com cartão no checkout da Stripe.",
      otherMethods: "Prefere PIX ou boleto? Pague pelo link de compra da loja.",
    },
  },
);
