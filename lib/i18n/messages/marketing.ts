import { defineMessages } from "./define";

/** The public landing page at /. */
export default defineMessages(
  {
    metaTitle: "Vitrine — cards and PIX for independent sellers",
    nav: {
      features: "Features",
      howItWorks: "How it works",
      pricing: "Pricing",
      signIn: "Sign in",
      signUp: "Start free",
    },
    hero: {
      eyebrow: "Stripe Connect + PIX, in one place",
      title: "Accept cards and PIX, get paid, tell your store.",
      subtitle:
        "One checkout for cards and PIX. The money goes to your own Stripe account or PIX gateway, and your store hears about every payment the moment it clears — signed, retried and logged.",
      ctaPrimary: "Create free account",
      ctaSecondary: "Sign in",
      trust1: "No setup fee",
      trust2: "Your money stays in your account",
      trust3: "Português and English",
    },
    mock: {
      label: "Example of the Vitrine dashboard",
      today: "Received today",
      vsYesterday: "vs. yesterday",
      recent: "Recent payments",
      card: "Card",
      pix: "PIX",
      paid: "Paid",
      pending: "Pending",
      callback: "Store notified",
      callbackDetail: "payment.succeeded · 200 OK · 184 ms",
    },
    features: {
      eyebrow: "Features",
      title: "Everything between “buy” and “your store knows”",
      subtitle: "The payment plumbing an independent shop needs, without building it yourself.",
      connectTitle: "Cards with Stripe Connect",
      connectBody:
        "Hosted Checkout or Elements embedded in your site. Payments land in your connected Stripe account, not ours.",
      pixTitle: "PIX through the gateway you already use",
      pixBody:
        "SyncPay, PushinPay, Paradise, WiinPay, Átomo Pay, the BCB Pix API or a plain PIX key. QR code and copy-and-paste code in seconds.",
      creditsTitle: "Prepaid credits",
      creditsBody:
        "Sell credit packs your customers spend over time, backed by a ledger that always balances to the cent.",
      callbacksTitle: "Signed store callbacks",
      callbacksBody:
        "Every payment event is signed and delivered to your store, retried with backoff until your server says it got it.",
      invoicesTitle: "Invoices and PDFs",
      invoicesBody: "A numbered invoice for every sale, ready to download as a PDF for you and your buyer.",
      auditTitle: "Admin audit trail",
      auditBody:
        "Who changed a price, created an API key or refunded a sale — recorded with the time and where it came from.",
    },
    steps: {
      eyebrow: "How it works",
      title: "Selling in three steps",
      oneTitle: "Create your account and connect Stripe",
      oneBody: "Sign up, confirm your details with Stripe in a few minutes and add your PIX gateway or key.",
      twoTitle: "Create a product or a payment link",
      twoBody: "Share the link anywhere, or call the API from your store to open a checkout.",
      threeTitle: "Get paid — and your store finds out",
      threeBody:
        "Your buyer pays by card or PIX. We confirm it, send your store a signed callback and keep the receipt.",
    },
    pricing: {
      eyebrow: "Pricing",
      title: "Simple plans that grow with you",
      subtitle: "Start free. Move up when your sales do: lower fees, higher limits.",
      choose: "Get started",
      note: "Prices in {currency}; a store pays in its own currency, monthly or yearly (two months free). Card and PIX costs from Stripe and your PIX gateway are charged by them, separately.",
    },
    cta: {
      title: "Start selling this afternoon",
      body: "Free to start. Connect Stripe and PIX when you are ready.",
      button: "Create free account",
    },
    footer: {
      tagline: "Payments for independent sellers in Brazil and beyond.",
      product: "Product",
      account: "Account",
      rights: "© {year} Vitrine. All rights reserved.",
    },
  },
  {
    metaTitle: "Vitrine — cartão e PIX para vendedores independentes",
    nav: {
      features: "Recursos",
      howItWorks: "Como funciona",
      pricing: "Preços",
      signIn: "Entrar",
      signUp: "Começar grátis",
    },
    hero: {
      eyebrow: "Stripe Connect + PIX, num lugar só",
      title: "Aceite cartão e PIX, receba e avise sua loja.",
      subtitle:
        "Um checkout só para cartão e PIX. O dinheiro vai para a sua própria conta Stripe ou gateway PIX, e sua loja fica sabendo de cada pagamento assim que ele é confirmado — com assinatura, novas tentativas e registro.",
      ctaPrimary: "Criar conta grátis",
      ctaSecondary: "Entrar",
      trust1: "Sem taxa de adesão",
      trust2: "Seu dinheiro fica na sua conta",
      trust3: "Em português e inglês",
    },
    mock: {
      label: "Exemplo do painel da Vitrine",
      today: "Recebido hoje",
      vsYesterday: "vs. ontem",
      recent: "Pagamentos recentes",
      card: "Cartão",
      pix: "PIX",
      paid: "Pago",
      pending: "Pendente",
      callback: "Loja avisada",
      callbackDetail: "payment.succeeded · 200 OK · 184 ms",
    },
    features: {
      eyebrow: "Recursos",
      title: "Tudo entre o “comprar” e o “sua loja já sabe”",
      subtitle: "A infraestrutura de pagamentos que uma loja independente precisa, sem você ter que construir.",
      connectTitle: "Cartões com Stripe Connect",
      connectBody:
        "Checkout hospedado ou Elements dentro do seu site. Os pagamentos caem na sua conta Stripe conectada, não na nossa.",
      pixTitle: "PIX pelo gateway que você já usa",
      pixBody:
        "SyncPay, PushinPay, Paradise, WiinPay, Átomo Pay, API Pix do BCB ou uma chave PIX direta. QR Code e Pix copia e cola em segundos.",
      creditsTitle: "Créditos pré-pagos",
      creditsBody:
        "Venda pacotes de créditos que seus clientes usam aos poucos, com um extrato que fecha sempre, centavo por centavo.",
      callbacksTitle: "Avisos assinados para sua loja",
      callbacksBody:
        "Cada evento de pagamento é assinado e entregue à sua loja, com novas tentativas até o seu servidor confirmar o recebimento.",
      invoicesTitle: "Faturas e PDFs",
      invoicesBody:
        "Uma fatura numerada para cada venda, pronta para baixar em PDF — para você e para o seu comprador.",
      auditTitle: "Trilha de auditoria",
      auditBody:
        "Quem mudou um preço, criou uma chave de API ou estornou uma venda — tudo registrado, com horário e origem.",
    },
    steps: {
      eyebrow: "Como funciona",
      title: "Vender em três passos",
      oneTitle: "Crie sua conta e conecte o Stripe",
      oneBody: "Cadastre-se, confirme seus dados com o Stripe em poucos minutos e adicione seu gateway ou chave PIX.",
      twoTitle: "Crie um produto ou link de pagamento",
      twoBody: "Compartilhe o link onde quiser, ou chame a API da sua loja para abrir um checkout.",
      threeTitle: "Receba — e sua loja fica sabendo",
      threeBody:
        "Seu cliente paga com cartão ou PIX. Nós confirmamos, enviamos um aviso assinado para a sua loja e guardamos o comprovante.",
    },
    pricing: {
      eyebrow: "Preços",
      title: "Planos simples, que crescem com você",
      subtitle: "Comece grátis. Mude de plano quando as vendas crescerem: taxas menores, limites maiores.",
      choose: "Começar",
      note: "Preços em {currency}; cada loja paga na própria moeda, por mês ou por ano (dois meses grátis). As tarifas de cartão e PIX do Stripe e do seu gateway PIX são cobradas por eles, à parte.",
    },
    cta: {
      title: "Comece a vender ainda hoje",
      body: "Grátis para começar. Conecte o Stripe e o PIX quando estiver pronto.",
      button: "Criar conta grátis",
    },
    footer: {
      tagline: "Pagamentos para vendedores independentes, do Brasil para o mundo.",
      product: "Produto",
      account: "Conta",
      rights: "© {year} Vitrine. Todos os direitos reservados.",
    },
  },
);
