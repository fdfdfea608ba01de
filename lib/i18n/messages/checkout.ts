import { defineMessages } from "./define";

// Owned by the installments & boleto work (#17); every key needs both languages.
export default defineMessages(
  {
    methods: {
      legend: "How do you want to pay?",
      card: "Card",
      boleto: "Boleto",
    },
    installments: {
      legend: "Installments",
      once: "1× {amount} (pay at once)",
      option: "{count}× {amount} interest-free",
      choose: "Choose how to pay with this card.",
      payIn: "Pay {count}× {amount}",
      changeCard: "Use another card",
      summary: "Paid in {count} installments",
    },
    boleto: {
      intro:
        "Pay the boleto at any bank, lottery outlet or banking app by its due date. The payment is confirmed within 1 business day.",
      name: "Full name",
      email: "Email",
      taxId: "CPF or CNPJ",
      line1: "Address (street and number)",
      line2: "Complement (optional)",
      city: "City",
      state: "State (UF)",
      postalCode: "CEP",
      submit: "Generate boleto",
      invalidTaxId: "Enter a valid CPF or CNPJ.",
      required: "Fill in this field.",
      title: "Your boleto",
      number: "Boleto number",
      copy: "Copy number",
      copied: "Copied",
      open: "Open the boleto",
      dueBy: "Pay by {date}",
      awaiting: "Awaiting payment",
      awaitingBody:
        "Once you pay, the bank confirms it within 1 business day and this page updates by itself. Keep this page's address to see the boleto again.",
      expired: "Boleto expired",
      expiredBody: "The due date passed without a payment. You can start a new purchase.",
    },
    settings: {
      title: "Card installments (parcelado)",
      description:
        "Buyers paying by card on your pay page can split the purchase into monthly installments, interest-free for them. You receive the full amount as in a one-off card payment; the buyer's bank collects the installments.",
      maxCount: "Most installments",
      maxCountHint: "From 1 (off) to {max}.",
      minAmount: "Smallest installment",
      minAmountHint: "A plan whose installments would be smaller is not offered.",
      save: "Save",
      saved: "Installment settings saved.",
      unavailable:
        "Not available for your store: Stripe offers card installments only to accounts in Brazil selling in BRL and in Mexico selling in MXN.",
      notConnected: "Connect your Stripe account to offer installments.",
      where:
        "Offered on the embedded pay page (/pay/…), where these limits apply. Hosted Checkout does not offer them.",
      boletoOn: "Boleto is offered on your pay page too (vouchers due {days} days after they are generated).",
      boletoOff: "Boleto is offered only to Brazilian accounts selling in BRL.",
    },
  },
  {
    methods: {
      legend: "Como você quer pagar?",
      card: "Cartão",
      boleto: "Boleto",
    },
    installments: {
      legend: "Parcelamento",
      once: "1× {amount} (à vista)",
      option: "{count}× {amount} sem juros",
      choose: "Escolha como pagar com este cartão.",
      payIn: "Pagar {count}× {amount}",
      changeCard: "Usar outro cartão",
      summary: "Pago em {count} parcelas",
    },
    boleto: {
      intro:
        "Pague o boleto em qualquer banco, lotérica ou aplicativo do banco até o vencimento. O pagamento é confirmado em até 1 dia útil.",
      name: "Nome completo",
      email: "E-mail",
      taxId: "CPF ou CNPJ",
      line1: "Endereço (rua e número)",
      line2: "Complemento (opcional)",
      city: "Cidade",
      state: "Estado (UF)",
      postalCode: "CEP",
      submit: "Gerar boleto",
      invalidTaxId: "Informe um CPF ou CNPJ válido.",
      required: "Preencha este campo.",
      title: "Seu boleto",
      number: "Linha digitável",
      copy: "Copiar linha digitável",
      copied: "Copiado",
      open: "Abrir o boleto",
      dueBy: "Pague até {date}",
      awaiting: "Aguardando pagamento",
      awaitingBody:
        "Depois que você pagar, o banco confirma em até 1 dia útil e esta página se atualiza sozinha. Guarde o endereço desta página para ver o boleto de novo.",
      expired: "Boleto vencido",
      expiredBody: "O vencimento passou sem pagamento. Você pode fazer uma nova compra.",
    },
    settings: {
      title: "Parcelamento no cartão",
      description:
        "Quem paga com cartão na sua página de pagamento pode dividir a compra em parcelas mensais, sem juros para o comprador. Você recebe o valor total como numa compra à vista; o banco do comprador cobra as parcelas.",
      maxCount: "Máximo de parcelas",
      maxCountHint: "De 1 (desligado) a {max}.",
      minAmount: "Parcela mínima",
      minAmountHint: "Planos com parcelas menores que isso não são oferecidos.",
      save: "Salvar",
      saved: "Parcelamento salvo.",
      unavailable:
        "Indisponível para a sua loja: a Stripe oferece parcelamento no cartão apenas para contas no Brasil vendendo em BRL e no México vendendo em MXN.",
      notConnected: "Conecte sua conta Stripe para oferecer parcelamento.",
      where:
        "Oferecido na página de pagamento incorporada (/pay/…), onde estes limites valem. O Checkout hospedado não oferece parcelamento.",
      boletoOn: "O boleto também é oferecido na sua página de pagamento (vencimento {days} dias após a emissão).",
      boletoOff: "O boleto é oferecido apenas para contas brasileiras vendendo em BRL.",
    },
  },
);
