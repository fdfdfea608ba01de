import { defineMessages } from "./define";

// The admin's configuration audit (#18).
export default defineMessages(
  {
    title: "Configuration",
    description:
      "Every setting Vitrine reads, by group: required in production or not, set or default, and whether it is valid. Secrets are masked. Live checks run when the page opens.",
    environment: "Environment: {env}",
    checkedAt: "Checked {when}",
    problems: "{count} problem(s) to fix",
    allGood: "No problems found",
    liveChecks: "Live checks",
    settings: "Settings",
    required: "Required in production",
    secret: "Secret",
    source: { set: "Set", default: "Default", unset: "Not set" },
    status: { ok: "OK", problem: "Problem", skipped: "Skipped" },
    checks: {
      database: "Database",
      queue: "Job queue",
      stripe: "Stripe API",
      webhook_secrets: "Stripe webhook secrets",
      redis: "Redis (rate limits)",
      smtp: "SMTP (email)",
      encryption_keys: "Encryption keys",
    },
    technical: "Messages come from the environment schema and are in English, as in .env.example.",
  },
  {
    title: "Configuração",
    description:
      "Cada configuração que a Vitrine lê, por grupo: obrigatória em produção ou não, definida ou padrão, e se é válida. Segredos aparecem mascarados. As verificações ao vivo rodam quando a página abre.",
    environment: "Ambiente: {env}",
    checkedAt: "Verificado em {when}",
    problems: "{count} problema(s) para corrigir",
    allGood: "Nenhum problema encontrado",
    liveChecks: "Verificações ao vivo",
    settings: "Configurações",
    required: "Obrigatória em produção",
    secret: "Segredo",
    source: { set: "Definida", default: "Padrão", unset: "Não definida" },
    status: { ok: "OK", problem: "Problema", skipped: "Ignorada" },
    checks: {
      database: "Banco de dados",
      queue: "Fila de jobs",
      stripe: "API da Stripe",
      webhook_secrets: "Segredos de webhook da Stripe",
      redis: "Redis (limites de requisição)",
      smtp: "SMTP (e-mail)",
      encryption_keys: "Chaves de criptografia",
    },
    technical: "As mensagens vêm do esquema de ambiente e ficam em inglês, como no .env.example.",
  },
);
