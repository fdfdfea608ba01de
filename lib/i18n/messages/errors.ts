import { defineMessages } from "./define";

export default defineMessages(
  {
    notFound: {
      code: "Error 404",
      title: "We couldn't find this page",
      body: "The address may be mistyped, or the page was moved or removed. If a store sent you a payment link, ask the store for a new one.",
      home: "Go to the home page",
      dashboard: "Sellers: open your dashboard",
    },
    error: {
      code: "Unexpected error",
      title: "Something went wrong on this page",
      body: "Nothing you did caused this. Try again; if it keeps happening, contact support and quote the reference below.",
      retry: "Try again",
      home: "Go to the home page",
      reference: "Reference: {digest}",
    },
  },
  {
    notFound: {
      code: "Erro 404",
      title: "Não encontramos esta página",
      body: "O endereço pode estar digitado errado, ou a página foi movida ou removida. Se uma loja enviou a você um link de pagamento, peça um novo à loja.",
      home: "Ir para a página inicial",
      dashboard: "Vendedores: abrir o painel",
    },
    error: {
      code: "Erro inesperado",
      title: "Algo deu errado nesta página",
      body: "Não foi nada que você fez. Tente de novo; se continuar acontecendo, fale com o suporte e informe a referência abaixo.",
      retry: "Tentar de novo",
      home: "Ir para a página inicial",
      reference: "Referência: {digest}",
    },
  },
);
