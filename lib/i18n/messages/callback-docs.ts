import { defineMessages } from "./define";

export default defineMessages(
  {
    metaTitle: "Store callbacks guide",
    kicker: "Developer guide",
    title: "Store callbacks",
    lead: "Vitrine tells your store's server when a payment succeeds, fails, is refunded or disputed, or a buyer's subscription changes: one signed JSON POST per event, retried until your server answers 2xx. This page is for the developer of the store.",
    contents: "On this page",
    apiReference: "API reference: every endpoint, with examples →",
    toc: {
      setup: "Set up an endpoint",
      events: "Events",
      payload: "Body and versions",
      signatures: "Verify the signature",
      retries: "Retries and backoff",
      idempotency: "Process each event once",
    },
    setupBody:
      "In the dashboard, open Store callbacks and add your endpoint's URL (public http or https; https in production). Choose the event types to receive, or none for all. Vitrine shows the signing secret (whsec_…) once: keep it in your server's secrets.",
    openDashboard: "Open Store callbacks",
    eventsLead:
      "The body's type is one of these. A field marked ? may be null. Amounts are integers in the currency's minor unit: 4990 with BRL is R$ 49,90.",
    col: { type: "Type", from: "From", status: "data.status", fields: "data fields" },
    events: {
      payment_succeeded:
        "A payment was confirmed: a card order, a subscription renewal or a PIX charge (and the dashboard's test event).",
      payment_failed: "A card payment attempt was declined; the order may still be paid by a later attempt.",
      payment_refunded:
        "Money went back to the buyer: once per Stripe refund, or per new refund total of a PIX charge.",
      dispute_created: "A chargeback was opened on a card payment, or a PIX charge entered a MED claim.",
      dispute_closed: "A dispute ended, won or lost.",
      subscription_updated: "A buyer's subscription bought from your store changed (any status but canceled).",
      subscription_canceled: "A buyer's subscription bought from your store ended.",
      other: "See the fields for what it carries.",
    },
    sources: {
      stripe_order: "Stripe order",
      stripe_subscription_renewal: "Stripe subscription renewal",
      pix_charge: "PIX charge",
      dashboard_test_event: "Dashboard test event",
      stripe_refund_one_per_refund: "Stripe refund (one per refund)",
      stripe_dispute_amount_is_the_disputed_amount: "Stripe dispute (amount is the disputed amount)",
      stripe_subscription_bought_from_the_store: "Stripe subscription bought from the store",
    },
    statusFree: "Stripe's subscription status (active, trialing, past_due, …)",
    payloadLead: "Every body has the same five fields, in this order:",
    envelope: {
      id: "The event id (evt_…). The same on every retry, redelivery and replay of the event, and sent as the webhook-id header: deduplicate by it.",
      type: "One of the event types above.",
      created: "Unix seconds when the event happened (not when this attempt was sent).",
      livemode: "true only when Vitrine runs with a live Stripe key (real money); keep test events out of your books.",
      data: "The payment or subscription, as listed above. data.orderId is your order id when you passed one, else Vitrine's.",
    },
    versionTitle: "Versions",
    versionBody:
      "This is version {version} of the callback contract. Within a version, changes are only additive: new event types and new data fields may appear; existing fields keep their name, type and meaning. So ignore fields you do not know, and answer 2xx to event types you do not handle. A change that breaks this would be a new version, and this page would say so.",
    signaturesLead: "Every request carries two signatures over the same raw body. Checking either one is enough.",
    standardTitle: "Standard Webhooks (recommended)",
    standardBody:
      'webhook-signature is v1,<base64 HMAC-SHA256> of "<webhook-id>.<webhook-timestamp>.<raw body>", keyed with the base64-decoded part of the secret after whsec_. It covers the id and the time, so a captured request cannot be replayed later: refuse timestamps more than 5 minutes away. Any Standard Webhooks library verifies it with the secret as shown.',
    paymentsTitle: "X-Payments-Signature",
    paymentsBody:
      "sha256=<hex HMAC-SHA256> of the raw body, keyed with the whole secret string (whsec_ included) as UTF-8. Simple to check anywhere; it covers no timestamp, so rely on deduplication by id against replays.",
    rotationBody:
      "During a secret rotation (24 hours by default) each header carries one signature per secret: space-separated in webhook-signature, comma-separated in X-Payments-Signature. Accept the request when any value matches.",
    rawBody:
      "Always verify the raw bytes you received, before parsing the JSON (serialising it again changes them), and compare in constant time.",
    nodeTitle: "Node.js / TypeScript",
    nodeBody: "A file to copy into your store. Vitrine's own test suite runs it against real signatures.",
    routeTitle: "In a route handler",
    retriesLead:
      "An attempt succeeds when your server answers 2xx within {timeout} seconds. Anything else (network error, timeout, 3xx, 4xx, 5xx) is tried again on this schedule:",
    attemptCol: "Attempt",
    whenCol: "Sent",
    first: "right away",
    after: "{delay} after the previous one",
    jitter:
      "Each wait varies by ±10 % so that many retries do not arrive at once. After attempt {n} fails, the delivery is Failed.",
    retryAfter:
      "A Retry-After header (seconds or an HTTP date) on a retried answer sets the next wait instead, up to 24 hours; it still counts as one attempt.",
    gone: "410 Gone tells Vitrine the endpoint no longer exists: it is turned off at once and its waiting deliveries are canceled.",
    failing:
      "{count} failed attempts in a row on one endpoint turn it off too; any success resets the count. Re-enable it in the dashboard, then replay what you missed.",
    answerFast:
      "Answer as soon as the signature is checked and the event stored; do slow work (emails, stock, invoices) afterwards. The first {chars} characters of your answer are kept in the delivery log: put no secrets in it.",
    idempotencyLead:
      "Delivery is at least once: a timeout after you processed the event, a redelivery or a replay from the dashboard sends the same event again, always with the same id. Record the ids you have handled under a unique constraint and skip known ones:",
    idempotencyOrder:
      "Do the insert and your order update in one transaction. Events can arrive out of order (a retry of an older event after a newer one): trust data.status and your own order state, not the arrival order.",
    redeliver:
      "The delivery log in the dashboard shows every delivery with the body sent, each attempt and your server's answer; Redeliver and Replay since… send events again with their original id.",
  },
  {
    metaTitle: "Guia de callbacks da loja",
    kicker: "Guia para desenvolvedores",
    title: "Callbacks da loja",
    lead: "A Vitrine avisa o servidor da sua loja quando um pagamento é aprovado, recusado, reembolsado ou contestado, ou quando a assinatura de um comprador muda: um POST JSON assinado por evento, repetido até o seu servidor responder 2xx. Esta página é para quem desenvolve a loja.",
    contents: "Nesta página",
    apiReference: "Referência da API: todos os endpoints, com exemplos →",
    toc: {
      setup: "Configurar um endpoint",
      events: "Eventos",
      payload: "Corpo e versões",
      signatures: "Verificar a assinatura",
      retries: "Novas tentativas e intervalos",
      idempotency: "Processar cada evento uma vez",
    },
    setupBody:
      "No painel, abra Callbacks da loja e adicione a URL do seu endpoint (http ou https público; https em produção). Escolha os tipos de evento que quer receber, ou nenhum para todos. A Vitrine mostra o segredo de assinatura (whsec_…) uma única vez: guarde-o nos segredos do seu servidor.",
    openDashboard: "Abrir Callbacks da loja",
    eventsLead:
      "O type do corpo é um destes. Um campo marcado com ? pode ser null. Valores são inteiros na menor unidade da moeda: 4990 com BRL é R$ 49,90.",
    col: { type: "Tipo", from: "Origem", status: "data.status", fields: "Campos de data" },
    events: {
      payment_succeeded:
        "Um pagamento foi confirmado: um pedido com cartão, a renovação de uma assinatura ou uma cobrança PIX (e o evento de teste do painel).",
      payment_failed:
        "Uma tentativa de pagamento com cartão foi recusada; o pedido ainda pode ser pago numa nova tentativa.",
      payment_refunded:
        "Dinheiro voltou ao comprador: uma vez por reembolso na Stripe, ou por novo total reembolsado de uma cobrança PIX.",
      dispute_created: "Uma contestação foi aberta num pagamento com cartão, ou uma cobrança PIX entrou num MED.",
      dispute_closed: "Uma contestação terminou, ganha ou perdida.",
      subscription_updated:
        "A assinatura de um comprador, vendida pela sua loja, mudou (qualquer status menos cancelada).",
      subscription_canceled: "A assinatura de um comprador, vendida pela sua loja, terminou.",
      other: "Veja nos campos o que ele traz.",
    },
    sources: {
      stripe_order: "Pedido Stripe",
      stripe_subscription_renewal: "Renovação de assinatura Stripe",
      pix_charge: "Cobrança PIX",
      dashboard_test_event: "Evento de teste do painel",
      stripe_refund_one_per_refund: "Reembolso Stripe (um por reembolso)",
      stripe_dispute_amount_is_the_disputed_amount: "Contestação Stripe (amount é o valor contestado)",
      stripe_subscription_bought_from_the_store: "Assinatura Stripe vendida pela loja",
    },
    statusFree: "O status da assinatura na Stripe (active, trialing, past_due, …)",
    payloadLead: "Todo corpo tem os mesmos cinco campos, nesta ordem:",
    envelope: {
      id: "O id do evento (evt_…). O mesmo em toda nova tentativa, reenvio e replay do evento, e enviado no cabeçalho webhook-id: deduplique por ele.",
      type: "Um dos tipos de evento acima.",
      created: "Segundos Unix de quando o evento aconteceu (não de quando esta tentativa foi enviada).",
      livemode:
        "true só quando a Vitrine roda com uma chave Stripe de produção (dinheiro real); deixe eventos de teste fora da sua contabilidade.",
      data: "O pagamento ou a assinatura, como listado acima. data.orderId é o id do seu pedido quando você informou um; senão, o da Vitrine.",
    },
    versionTitle: "Versões",
    versionBody:
      "Esta é a versão {version} do contrato de callbacks. Dentro de uma versão, as mudanças só acrescentam: podem surgir novos tipos de evento e novos campos em data; os campos existentes mantêm nome, tipo e significado. Por isso, ignore campos que você não conhece e responda 2xx a tipos de evento que você não trata. Uma mudança que quebre isso seria uma nova versão, e esta página diria.",
    signaturesLead:
      "Toda requisição traz duas assinaturas sobre o mesmo corpo bruto. Verificar qualquer uma delas basta.",
    standardTitle: "Standard Webhooks (recomendado)",
    standardBody:
      'webhook-signature é v1,<HMAC-SHA256 em base64> de "<webhook-id>.<webhook-timestamp>.<corpo bruto>", com a chave sendo a parte do segredo depois de whsec_, decodificada de base64. Ela cobre o id e o horário, então uma requisição capturada não pode ser repetida depois: recuse horários a mais de 5 minutos. Qualquer biblioteca Standard Webhooks a verifica com o segredo como ele é mostrado.',
    paymentsTitle: "X-Payments-Signature",
    paymentsBody:
      "sha256=<HMAC-SHA256 em hex> do corpo bruto, com a chave sendo o segredo inteiro (com whsec_) em UTF-8. Simples de verificar em qualquer linguagem; não cobre horário, então conte com a deduplicação por id contra repetições.",
    rotationBody:
      "Durante a troca de segredo (24 horas por padrão) cada cabeçalho traz uma assinatura por segredo: separadas por espaço em webhook-signature e por vírgula em X-Payments-Signature. Aceite a requisição quando qualquer uma conferir.",
    rawBody:
      "Verifique sempre os bytes brutos que você recebeu, antes de interpretar o JSON (serializar de novo muda os bytes), e compare em tempo constante.",
    nodeTitle: "Node.js / TypeScript",
    nodeBody:
      "Um arquivo para copiar para a sua loja. A própria suíte de testes da Vitrine o executa contra assinaturas reais.",
    routeTitle: "Numa rota do servidor",
    retriesLead:
      "Uma tentativa dá certo quando o seu servidor responde 2xx em até {timeout} segundos. Qualquer outra coisa (erro de rede, tempo esgotado, 3xx, 4xx, 5xx) é tentada de novo neste calendário:",
    attemptCol: "Tentativa",
    whenCol: "Enviada",
    first: "na hora",
    after: "{delay} depois da anterior",
    jitter:
      "Cada espera varia ±10 % para que muitas novas tentativas não cheguem juntas. Se a tentativa {n} falhar, a entrega fica Falhou.",
    retryAfter:
      "Um cabeçalho Retry-After (segundos ou uma data HTTP) numa resposta que será repetida define a próxima espera, até 24 horas; ela ainda conta como uma tentativa.",
    gone: "410 Gone diz à Vitrine que o endpoint não existe mais: ele é desligado na hora e as entregas em espera são canceladas.",
    failing:
      "{count} tentativas seguidas com falha num endpoint também o desligam; qualquer sucesso zera a contagem. Reative-o no painel e faça o replay do que perdeu.",
    answerFast:
      "Responda assim que a assinatura for verificada e o evento guardado; faça o trabalho lento (e-mails, estoque, notas) depois. Os primeiros {chars} caracteres da sua resposta ficam no registro de entregas: não coloque segredos nela.",
    idempotencyLead:
      "A entrega é pelo menos uma vez: um tempo esgotado depois de você processar o evento, um reenvio ou um replay pelo painel mandam o mesmo evento de novo, sempre com o mesmo id. Registre os ids já tratados com uma restrição de unicidade e pule os conhecidos:",
    idempotencyOrder:
      "Faça o insert e a atualização do pedido na mesma transação. Eventos podem chegar fora de ordem (uma nova tentativa de um evento antigo depois de um mais novo): confie em data.status e no estado do seu pedido, não na ordem de chegada.",
    redeliver:
      "O registro de entregas no painel mostra cada entrega com o corpo enviado, cada tentativa e a resposta do seu servidor; Reenviar e Replay desde… mandam eventos de novo com o id original.",
  },
);
