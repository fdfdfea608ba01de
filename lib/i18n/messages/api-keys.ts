import { defineMessages } from "./define";

export default defineMessages(
  {
    title: "API keys",
    description:
      "Keys let your store's server call Vitrine's API as {store}. Send them as Authorization: Bearer <key>.",
    create: "Create API key",
    name: "Key name",
    namePlaceholder: "e.g. Production server",
    prefix: "Key",
    created: "Created",
    lastUsed: "Last used",
    never: "Never",
    status: "Status",
    active: "Active",
    revoked: "Revoked",
    revoke: "Revoke",
    revokeTitle: "Revoke this key?",
    revokeBody: "Requests using {prefix}… will fail immediately. This cannot be undone.",
    revokedToast: "Key revoked",
    emptyTitle: "No API keys yet",
    emptyBody: "Create a key to call the API from your store's server.",
    secretTitle: "Copy your new key",
    secretBody:
      "This is the only time the full key is shown. Store it in your server's secrets; Vitrine keeps only a hash.",
    done: "I saved it",
  },
  {
    title: "Chaves de API",
    description:
      "As chaves permitem que o servidor da sua loja chame a API da Vitrine como {store}. Envie como Authorization: Bearer <chave>.",
    create: "Criar chave de API",
    name: "Nome da chave",
    namePlaceholder: "ex.: Servidor de produção",
    prefix: "Chave",
    created: "Criada em",
    lastUsed: "Último uso",
    never: "Nunca",
    status: "Status",
    active: "Ativa",
    revoked: "Revogada",
    revoke: "Revogar",
    revokeTitle: "Revogar esta chave?",
    revokeBody: "Requisições com {prefix}… passam a falhar imediatamente. Não é possível desfazer.",
    revokedToast: "Chave revogada",
    emptyTitle: "Nenhuma chave de API",
    emptyBody: "Crie uma chave para chamar a API a partir do servidor da sua loja.",
    secretTitle: "Copie sua nova chave",
    secretBody:
      "Esta é a única vez que a chave completa aparece. Guarde-a nos segredos do seu servidor; a Vitrine guarda apenas um hash.",
    done: "Já guardei",
  },
);
