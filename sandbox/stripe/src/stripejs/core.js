/*
 * Vitrine Stripe emulator — Stripe.js stand-in, part 1 of 3 (API base, labels, form encoding, requests).
 * The server serves core.js + elements.js + stripe.js concatenated inside one IIFE at /stripe.js.
 */
var script = document.currentScript;
var API = script && script.src ? new URL(script.src).origin : window.location.origin;

var LABELS = {
  en: {
    number: "Card number",
    expiry: "Expiration date",
    cvc: "Security code",
    numberPh: "1234 1234 1234 1234",
    expiryPh: "MM / YY",
    cvcPh: "CVC",
    incompleteNumber: "Your card number is incomplete.",
    invalidNumber: "Your card number is invalid.",
    incompleteExpiry: "Your card's expiration date is incomplete.",
    pastExpiry: "Your card's expiration year is in the past.",
    incompleteCvc: "Your card's security code is incomplete.",
    test: "Test mode — use 4242 4242 4242 4242",
    authTitle: "3-D Secure authentication (test)",
    authBody: "Your bank asks you to confirm this payment. In test mode you choose the outcome.",
    complete: "Complete",
    fail: "Fail",
  },
  "pt-BR": {
    number: "Número do cartão",
    expiry: "Data de validade",
    cvc: "Código de segurança",
    numberPh: "1234 1234 1234 1234",
    expiryPh: "MM / AA",
    cvcPh: "CVC",
    incompleteNumber: "O número do cartão está incompleto.",
    invalidNumber: "O número do cartão é inválido.",
    incompleteExpiry: "A data de validade do cartão está incompleta.",
    pastExpiry: "O ano de validade do cartão já passou.",
    incompleteCvc: "O código de segurança do cartão está incompleto.",
    test: "Modo de teste — use 4242 4242 4242 4242",
    authTitle: "Autenticação 3-D Secure (teste)",
    authBody: "Seu banco pede que você confirme este pagamento. No modo de teste você escolhe o resultado.",
    complete: "Concluir",
    fail: "Falhar",
  },
  es: {
    number: "Número de tarjeta",
    expiry: "Fecha de vencimiento",
    cvc: "Código de seguridad",
    numberPh: "1234 1234 1234 1234",
    expiryPh: "MM / AA",
    cvcPh: "CVC",
    incompleteNumber: "El número de tu tarjeta está incompleto.",
    invalidNumber: "El número de tu tarjeta no es válido.",
    incompleteExpiry: "La fecha de vencimiento de tu tarjeta está incompleta.",
    pastExpiry: "El año de vencimiento de tu tarjeta ya pasó.",
    incompleteCvc: "El código de seguridad de tu tarjeta está incompleto.",
    test: "Modo de prueba — usa 4242 4242 4242 4242",
    authTitle: "Autenticación 3-D Secure (prueba)",
    authBody: "Tu banco te pide confirmar este pago. En modo de prueba eliges el resultado.",
    complete: "Completar",
    fail: "Fallar",
  },
};

function labelsFor(locale) {
  var l = !locale || locale === "auto" ? navigator.language || "en" : locale;
  if (LABELS[l]) return LABELS[l];
  if (/^pt/i.test(l)) return LABELS["pt-BR"];
  if (/^es/i.test(l)) return LABELS.es;
  return LABELS.en;
}

function encode(params, prefix, out) {
  out = out || [];
  Object.keys(params || {}).forEach(function (k) {
    var v = params[k];
    var key = prefix ? prefix + "[" + k + "]" : k;
    if (v === undefined) return;
    if (v !== null && typeof v === "object") encode(v, key, out);
    else out.push(encodeURIComponent(key) + "=" + encodeURIComponent(v === null ? "" : String(v)));
  });
  return out.join("&");
}

function request(ctx, method, path, params) {
  var headers = { Authorization: "Bearer " + ctx.key, "Content-Type": "application/x-www-form-urlencoded" };
  if (ctx.stripeAccount) headers["Stripe-Account"] = ctx.stripeAccount;
  var query = method === "GET" ? "?" + encode(params) : "";
  return fetch(API + path + query, {
    method: method,
    headers: headers,
    body: method === "GET" ? undefined : encode(params),
  })
    .then(function (res) {
      return res.json().then(function (body) {
        return { ok: res.ok, body: body };
      });
    })
    .catch(function (err) {
      return {
        ok: false,
        body: {
          error: {
            type: "api_connection_error",
            message: "Could not reach the Stripe emulator at " + API + ": " + err.message,
          },
        },
      };
    });
}

function intentPath(secret) {
  var id = String(secret || "").split("_secret_")[0];
  return {
    id: id,
    path: (id.indexOf("seti_") === 0 ? "/v1/setup_intents/" : "/v1/payment_intents/") + id,
    setup: id.indexOf("seti_") === 0,
  };
}

function integrationError(message) {
  var e = new Error(message);
  e.name = "IntegrationError";
  return e;
}
