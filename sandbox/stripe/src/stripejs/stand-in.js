/*
 * Vitrine Stripe emulator — Stripe.js stand-in (served at /stripe.js).
 *
 * Defines window.Stripe so that @stripe/stripe-js `loadStripe` (which reuses an existing
 * window.Stripe) and @stripe/react-stripe-js `<Elements>` / `<PaymentElement>` work unchanged
 * offline. Card details are sent only to the emulator this script was served from.
 */
(function () {
  "use strict";
  if (window.Stripe && window.Stripe.__vitrineEmulator) return;

  var script = document.currentScript;
  var API = script && script.src ? new URL(script.src).origin : window.location.origin;

  var LABELS = {
    en: {
      number: "Card number", expiry: "Expiration date", cvc: "Security code", numberPh: "1234 1234 1234 1234", expiryPh: "MM / YY", cvcPh: "CVC",
      incompleteNumber: "Your card number is incomplete.", invalidNumber: "Your card number is invalid.",
      incompleteExpiry: "Your card's expiration date is incomplete.", pastExpiry: "Your card's expiration year is in the past.",
      incompleteCvc: "Your card's security code is incomplete.", test: "Test mode — use 4242 4242 4242 4242",
      authTitle: "3-D Secure authentication (test)", authBody: "Your bank asks you to confirm this payment. In test mode you choose the outcome.",
      complete: "Complete", fail: "Fail"
    },
    "pt-BR": {
      number: "Número do cartão", expiry: "Data de validade", cvc: "Código de segurança", numberPh: "1234 1234 1234 1234", expiryPh: "MM / AA", cvcPh: "CVC",
      incompleteNumber: "O número do cartão está incompleto.", invalidNumber: "O número do cartão é inválido.",
      incompleteExpiry: "A data de validade do cartão está incompleta.", pastExpiry: "O ano de validade do cartão já passou.",
      incompleteCvc: "O código de segurança do cartão está incompleto.", test: "Modo de teste — use 4242 4242 4242 4242",
      authTitle: "Autenticação 3-D Secure (teste)", authBody: "Seu banco pede que você confirme este pagamento. No modo de teste você escolhe o resultado.",
      complete: "Concluir", fail: "Falhar"
    },
    es: {
      number: "Número de tarjeta", expiry: "Fecha de vencimiento", cvc: "Código de seguridad", numberPh: "1234 1234 1234 1234", expiryPh: "MM / AA", cvcPh: "CVC",
      incompleteNumber: "El número de tu tarjeta está incompleto.", invalidNumber: "El número de tu tarjeta no es válido.",
      incompleteExpiry: "La fecha de vencimiento de tu tarjeta está incompleta.", pastExpiry: "El año de vencimiento de tu tarjeta ya pasó.",
      incompleteCvc: "El código de seguridad de tu tarjeta está incompleto.", test: "Modo de prueba — usa 4242 4242 4242 4242",
      authTitle: "Autenticación 3-D Secure (prueba)", authBody: "Tu banco te pide confirmar este pago. En modo de prueba eliges el resultado.",
      complete: "Completar", fail: "Fallar"
    }
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
    return fetch(API + path + query, { method: method, headers: headers, body: method === "GET" ? undefined : encode(params) })
      .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
      .catch(function (err) { return { ok: false, body: { error: { type: "api_connection_error", message: "Could not reach the Stripe emulator at " + API + ": " + err.message } } }; });
  }

  function intentPath(secret) {
    var id = String(secret || "").split("_secret_")[0];
    return { id: id, path: (id.indexOf("seti_") === 0 ? "/v1/setup_intents/" : "/v1/payment_intents/") + id, setup: id.indexOf("seti_") === 0 };
  }

  function integrationError(message) {
    var e = new Error(message);
    e.name = "IntegrationError";
    return e;
  }

  /* ---------- styles, card element and 3-D Secure modal ---------- */

  function injectStyles() {
    if (document.getElementById("vse-styles")) return;
    var css = [
      ".vse{font-family:var(--vse-font,-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif);color:var(--vse-text,#1a1f36)}",
      ".vse-field{margin-bottom:12px}.vse-row{display:grid;grid-template-columns:1fr 1fr;gap:12px}",
      ".vse label{display:block;font-size:13px;font-weight:500;margin:0 0 6px;color:var(--vse-label,#30313d)}",
      ".vse-input{position:relative}.vse input{box-sizing:border-box;width:100%;font:inherit;font-size:15px;padding:11px 12px;border:1px solid #d5dbe1;border-radius:var(--vse-radius,6px);background:#fff;color:inherit;outline:none;box-shadow:0 1px 1px rgba(0,0,0,.03);transition:border-color .15s,box-shadow .15s}",
      ".vse input:focus{border-color:var(--vse-primary,#635bff);box-shadow:0 0 0 3px var(--vse-ring,rgba(99,91,255,.25))}",
      ".vse input.vse-invalid{border-color:#df1b41;color:#df1b41}",
      ".vse-brand{position:absolute;right:10px;top:50%;transform:translateY(-50%);font-size:11px;font-weight:700;letter-spacing:.04em;color:#6b7280;background:#f3f4f6;border-radius:4px;padding:2px 6px}",
      ".vse-error{color:#df1b41;font-size:13px;margin-top:6px;min-height:0}",
      ".vse-test{display:inline-block;font-size:12px;color:#a04b00;background:#fff4e5;border:1px solid #ffd8a8;border-radius:999px;padding:2px 10px;margin-bottom:12px}",
      ".vse-overlay{position:fixed;inset:0;background:rgba(15,23,42,.55);display:flex;align-items:center;justify-content:center;z-index:2147483647;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}",
      ".vse-modal{background:#fff;border-radius:14px;box-shadow:0 20px 60px rgba(0,0,0,.3);padding:28px;width:min(420px,calc(100vw - 32px));text-align:center;color:#1a1f36}",
      ".vse-modal h2{font-size:19px;margin:8px 0}.vse-modal p{color:#6b7280;font-size:14px;line-height:1.5;margin:0 0 6px}",
      ".vse-lock{width:48px;height:48px;border-radius:50%;background:#eef2ff;color:#4f46e5;display:flex;align-items:center;justify-content:center;margin:0 auto;font-size:22px}",
      ".vse-amount{font-size:26px;font-weight:700;margin:10px 0 4px;color:#1a1f36}",
      ".vse-buttons{display:flex;gap:10px;margin-top:20px}.vse-buttons button{flex:1;font:inherit;font-size:15px;font-weight:600;padding:11px;border-radius:8px;cursor:pointer}",
      ".vse-ok{background:#4f46e5;color:#fff;border:0}.vse-ok:hover{background:#4338ca}.vse-no{background:#fff;color:#c0123c;border:1px solid #f3c1cc}.vse-no:hover{background:#fff5f7}"
    ].join("\n");
    var style = document.createElement("style");
    style.id = "vse-styles";
    style.textContent = css;
    document.head.appendChild(style);
  }

  function luhn(n) {
    var sum = 0;
    for (var i = 0; i < n.length; i++) {
      var d = Number(n[n.length - 1 - i]);
      if (i % 2) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    return n.length >= 12 && sum % 10 === 0;
  }

  function brand(n) {
    if (/^4/.test(n)) return "visa";
    if (/^(5[1-5]|2[2-7])/.test(n)) return "mastercard";
    if (/^3[47]/.test(n)) return "amex";
    if (/^(6011|65)/.test(n)) return "discover";
    return "unknown";
  }

  function Emitter() { this._h = {}; }
  Emitter.prototype.on = function (ev, fn) { (this._h[ev] = this._h[ev] || []).push(fn); return this; };
  Emitter.prototype.once = function (ev, fn) { var self = this; function w() { self.off(ev, w); fn.apply(null, arguments); } return this.on(ev, w); };
  Emitter.prototype.off = function (ev, fn) { var l = this._h[ev] || []; this._h[ev] = fn ? l.filter(function (x) { return x !== fn; }) : []; return this; };
  Emitter.prototype._emit = function (ev, payload) { (this._h[ev] || []).slice().forEach(function (fn) { try { fn(payload); } catch (e) { setTimeout(function () { throw e; }); } }); };

  function CardElement(group, type, options) {
    Emitter.call(this);
    this.group = group;
    this.elementType = type;
    this.options = options || {};
    this.node = null;
    this.inputs = null;
  }
  CardElement.prototype = Object.create(Emitter.prototype);

  CardElement.prototype.mount = function (target) {
    var host = typeof target === "string" ? document.querySelector(target) : target;
    if (!host) throw integrationError("The selector you specified (" + target + ") applies to no DOM elements that are currently on the page.");
    injectStyles();
    var t = labelsFor(this.group.locale);
    var vars = (this.group.appearance && this.group.appearance.variables) || {};
    var root = document.createElement("div");
    root.className = "vse";
    if (vars.colorPrimary) root.style.setProperty("--vse-primary", vars.colorPrimary);
    if (vars.fontFamily) root.style.setProperty("--vse-font", vars.fontFamily);
    if (vars.borderRadius) root.style.setProperty("--vse-radius", vars.borderRadius);
    if (vars.colorText) root.style.setProperty("--vse-text", vars.colorText);
    root.innerHTML =
      '<div class="vse-test"></div>' +
      '<div class="vse-field"><label></label><div class="vse-input"><input data-vse="number" inputmode="numeric" autocomplete="cc-number"><span class="vse-brand" hidden></span></div></div>' +
      '<div class="vse-row"><div class="vse-field"><label></label><input data-vse="expiry" inputmode="numeric" autocomplete="cc-exp"></div>' +
      '<div class="vse-field"><label></label><input data-vse="cvc" inputmode="numeric" autocomplete="cc-csc"></div></div>' +
      '<div class="vse-error" role="alert" data-vse="error"></div>';
    root.querySelector(".vse-test").textContent = t.test;
    var labels = root.querySelectorAll("label");
    var ids = ["number", "expiry", "cvc"];
    var uid = "vse-" + Math.random().toString(36).slice(2, 8);
    ids.forEach(function (k, i) {
      var input = root.querySelector('[data-vse="' + k + '"]');
      input.id = uid + "-" + k;
      input.name = k === "number" ? "cardnumber" : k === "expiry" ? "exp-date" : "cvc";
      input.placeholder = t[k + "Ph"];
      input.setAttribute("aria-label", t[k]);
      labels[i].textContent = t[k];
      labels[i].htmlFor = input.id;
    });
    host.innerHTML = "";
    host.appendChild(root);
    this.node = root;
    this.inputs = { number: root.querySelector('[data-vse="number"]'), expiry: root.querySelector('[data-vse="expiry"]'), cvc: root.querySelector('[data-vse="cvc"]') };
    this.errorNode = root.querySelector('[data-vse="error"]');
    this.brandNode = root.querySelector(".vse-brand");
    var self = this;
    this.inputs.number.addEventListener("input", function () {
      var v = self.inputs.number.value.replace(/\D/g, "").slice(0, 19);
      self.inputs.number.value = v.replace(/(.{4})/g, "$1 ").trim();
      var b = brand(v);
      self.brandNode.hidden = !v || b === "unknown";
      self.brandNode.textContent = b === "mastercard" ? "MC" : b.toUpperCase();
      self._changed();
    });
    this.inputs.expiry.addEventListener("input", function () {
      var v = self.inputs.expiry.value.replace(/\D/g, "").slice(0, 4);
      self.inputs.expiry.value = v.length > 2 ? v.slice(0, 2) + " / " + v.slice(2) : v;
      self._changed();
    });
    this.inputs.cvc.addEventListener("input", function () {
      self.inputs.cvc.value = self.inputs.cvc.value.replace(/\D/g, "").slice(0, 4);
      self._changed();
    });
    ids.forEach(function (k) {
      self.inputs[k].addEventListener("focus", function () { self._emit("focus", { elementType: self.elementType }); });
      self.inputs[k].addEventListener("blur", function () { self._showError(true); self._emit("blur", { elementType: self.elementType }); });
    });
    setTimeout(function () { self._emit("ready", { elementType: self.elementType }); }, 0);
  };

  CardElement.prototype._read = function () {
    var number = this.inputs ? this.inputs.number.value.replace(/\D/g, "") : "";
    var exp = this.inputs ? this.inputs.expiry.value.replace(/\D/g, "") : "";
    var cvc = this.inputs ? this.inputs.cvc.value.replace(/\D/g, "") : "";
    return { number: number, exp_month: exp.slice(0, 2), exp_year: exp.slice(2, 4), cvc: cvc };
  };

  /** Returns null when complete, else { code, message, field }. */
  CardElement.prototype._validate = function () {
    var t = labelsFor(this.group.locale);
    var c = this._read();
    if (c.number.length < 13) return { code: "incomplete_number", message: t.incompleteNumber, field: "number" };
    if (!luhn(c.number)) return { code: "invalid_number", message: t.invalidNumber, field: "number" };
    if (c.exp_month.length < 2 || c.exp_year.length < 2 || Number(c.exp_month) < 1 || Number(c.exp_month) > 12) return { code: "incomplete_expiry", message: t.incompleteExpiry, field: "expiry" };
    var now = new Date();
    var yy = now.getFullYear() % 100;
    if (Number(c.exp_year) < yy || (Number(c.exp_year) === yy && Number(c.exp_month) < now.getMonth() + 1)) return { code: "invalid_expiry_year_past", message: t.pastExpiry, field: "expiry" };
    if (c.cvc.length < 3) return { code: "incomplete_cvc", message: t.incompleteCvc, field: "cvc" };
    return null;
  };

  CardElement.prototype._showError = function (onlyTouched) {
    if (!this.inputs) return null;
    var err = this._validate();
    var self = this;
    ["number", "expiry", "cvc"].forEach(function (k) { self.inputs[k].classList.toggle("vse-invalid", !!err && err.field === k && (!onlyTouched || !!self.inputs[k].value)); });
    var visible = err && (!onlyTouched || this.inputs[err.field].value) ? err.message : "";
    this.errorNode.textContent = visible;
    return err;
  };

  CardElement.prototype._changed = function () {
    var c = this._read();
    var err = this._validate();
    if (!err) this._showError(false);
    this._emit("change", { elementType: this.elementType, complete: !err, empty: !c.number && !c.exp_month && !c.cvc, collapsed: false, value: { type: "card" }, brand: brand(c.number), error: undefined });
  };

  CardElement.prototype.update = function (opts) { Object.assign(this.options, opts || {}); };
  CardElement.prototype.focus = function () { if (this.inputs) this.inputs.number.focus(); };
  CardElement.prototype.blur = function () { if (document.activeElement && this.node && this.node.contains(document.activeElement)) document.activeElement.blur(); };
  CardElement.prototype.clear = function () { if (!this.inputs) return; var s = this; ["number", "expiry", "cvc"].forEach(function (k) { s.inputs[k].value = ""; }); this._changed(); };
  CardElement.prototype.collapse = function () {};
  CardElement.prototype.unmount = function () { if (this.node && this.node.parentNode) this.node.parentNode.removeChild(this.node); this.node = null; this.inputs = null; };
  CardElement.prototype.destroy = function () { this.unmount(); this.group._remove(this); this._h = {}; };

  /** Elements we do not emulate render nothing but behave, so pages using them still load. */
  function InertElement(group, type) { Emitter.call(this); this.group = group; this.elementType = type; }
  InertElement.prototype = Object.create(Emitter.prototype);
  InertElement.prototype.mount = function () { var s = this; console.warn("[stripe-emulator] <" + this.elementType + "> is not emulated and renders nothing."); setTimeout(function () { s._emit("ready", { elementType: s.elementType }); }, 0); };
  ["update", "focus", "blur", "clear", "collapse", "unmount"].forEach(function (m) { InertElement.prototype[m] = function () {}; });
  InertElement.prototype.destroy = function () { this.group._remove(this); };

  var CARD_TYPES = { payment: 1, card: 1 };

  function Elements(stripe, options) {
    options = options || {};
    this.stripe = stripe;
    this.clientSecret = options.clientSecret || null;
    this.appearance = options.appearance || {};
    this.locale = options.locale || stripe.locale;
    this.options = options;
    this.list = [];
  }
  Elements.prototype.create = function (type, options) {
    var el = CARD_TYPES[type] ? new CardElement(this, type, options) : new InertElement(this, type);
    this.list.push(el);
    return el;
  };
  Elements.prototype.getElement = function (type) { return this.list.filter(function (e) { return e.elementType === type; })[0] || null; };
  Elements.prototype._remove = function (el) { this.list = this.list.filter(function (e) { return e !== el; }); };
  Elements.prototype._card = function () { return this.list.filter(function (e) { return e instanceof CardElement; })[0] || null; };
  Elements.prototype.update = function (opts) { opts = opts || {}; if (opts.locale) this.locale = opts.locale; if (opts.appearance) this.appearance = opts.appearance; if (opts.clientSecret) this.clientSecret = opts.clientSecret; Object.assign(this.options, opts); };
  Elements.prototype.fetchUpdates = function () { return Promise.resolve({}); };
  Elements.prototype.submit = function () {
    var card = this._card();
    if (!card) return Promise.resolve({ error: { type: "validation_error", message: "No payment element is mounted." } });
    var err = card._showError(false);
    return Promise.resolve(err ? { error: { type: "validation_error", code: err.code, message: err.message } } : {});
  };

  function authenticate(stripe, intent, t) {
    return new Promise(function (resolve) {
      injectStyles();
      var overlay = document.createElement("div");
      overlay.className = "vse-overlay";
      overlay.setAttribute("data-testid", "stripe-3ds-modal");
      var amount = intent.amount ? new Intl.NumberFormat(undefined, { style: "currency", currency: String(intent.currency).toUpperCase() }).format(intent.amount / 100) : "";
      overlay.innerHTML = '<div class="vse-modal" role="dialog" aria-modal="true"><div class="vse-lock"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/></svg></div><h2></h2>' + (amount ? '<div class="vse-amount"></div>' : "") + '<p></p><div class="vse-buttons"><button class="vse-no" data-result="fail"></button><button class="vse-ok" data-result="complete"></button></div></div>';
      overlay.querySelector("h2").textContent = t.authTitle;
      overlay.querySelector("p").textContent = t.authBody;
      if (amount) overlay.querySelector(".vse-amount").textContent = amount;
      overlay.querySelector(".vse-ok").textContent = t.complete;
      overlay.querySelector(".vse-no").textContent = t.fail;
      document.body.appendChild(overlay);
      overlay.querySelectorAll("button").forEach(function (b) {
        b.addEventListener("click", function () {
          overlay.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
          var body = "client_secret=" + encodeURIComponent(intent.client_secret) + "&result=" + b.getAttribute("data-result");
          fetch(API + "/authenticate/" + intent.id, { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" }, body: body })
            .then(function (r) { return r.json(); })
            .then(function (out) { overlay.remove(); resolve(out); })
            .catch(function (e) { overlay.remove(); resolve({ result: "failed", error: { type: "api_connection_error", message: e.message }, intent: intent }); });
        });
      });
    });
  }

  function StripeInstance(key, opts) {
    if (!(this instanceof StripeInstance)) return new StripeInstance(key, opts);
    if (typeof key !== "string" || !/^pk_/.test(key)) throw integrationError("Invalid value for Stripe(): apiKey should be a publishable key (pk_test_...).");
    opts = opts || {};
    this._ctx = { key: key, stripeAccount: opts.stripeAccount || null };
    this.locale = opts.locale;
  }

  var proto = StripeInstance.prototype;
  proto.registerAppInfo = function () {};
  proto._registerWrapper = function () {};
  proto.elements = function (options) { return new Elements(this, options); };
  proto.createToken = function () { return Promise.resolve({ error: { type: "invalid_request_error", message: "Tokens are not supported by the Vitrine Stripe emulator; use PaymentMethods." } }); };
  proto.paymentRequest = function () { return { canMakePayment: function () { return Promise.resolve(null); }, on: function () {}, off: function () {}, show: function () {}, update: function () {} }; };

  proto._cardData = function (card, billing) {
    var err = card._showError(false);
    if (err) return { error: { type: "validation_error", code: err.code, message: err.message } };
    var c = card._read();
    var data = { type: "card", card: { number: c.number, exp_month: c.exp_month, exp_year: c.exp_year, cvc: c.cvc } };
    if (billing) data.billing_details = billing;
    return { data: data };
  };

  proto._finish = function (intentInfo, res, t, handleActions) {
    var self = this;
    var key = intentInfo.setup ? "setupIntent" : "paymentIntent";
    if (!res.ok) return Promise.resolve({ error: res.body.error });
    var intent = res.body;
    if (intent.status !== "requires_action" || handleActions === false) { var ok = {}; ok[key] = intent; return Promise.resolve(ok); }
    return authenticate(self, intent, t).then(function (out) {
      if (out.error) return { error: out.error };
      var done = {};
      done[key] = out.intent;
      return done;
    });
  };

  proto._confirm = function (secret, pmParams, extra, t, handleActions) {
    var info = intentPath(secret);
    var params = Object.assign({ client_secret: secret }, pmParams, extra || {});
    var self = this;
    return request(this._ctx, "POST", info.path + "/confirm", params).then(function (res) { return self._finish(info, res, t, handleActions); });
  };

  proto._confirmWithElements = function (kind, args) {
    args = args || {};
    var elements = args.elements;
    var confirmParams = args.confirmParams || {};
    var secret = args.clientSecret || (elements && elements.clientSecret);
    var t = labelsFor(elements ? elements.locale : this.locale);
    if (!secret) return Promise.reject(integrationError("stripe." + kind + "(): the `clientSecret` argument is required (pass it to elements() or to " + kind + ")."));
    if (args.redirect !== "if_required" && !confirmParams.return_url) return Promise.reject(integrationError("stripe." + kind + "(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`"));
    var pmParams = {};
    if (elements) {
      var card = elements._card();
      if (!card) return Promise.reject(integrationError("stripe." + kind + "(): no Payment Element is mounted."));
      var pmd = confirmParams.payment_method_data || {};
      var built = this._cardData(card, pmd.billing_details);
      if (built.error) return Promise.resolve(built);
      pmParams.payment_method_data = built.data;
    } else if (confirmParams.payment_method) {
      pmParams.payment_method = confirmParams.payment_method;
    }
    var extra = confirmParams.return_url ? { return_url: confirmParams.return_url } : {};
    if (confirmParams.receipt_email) extra.receipt_email = confirmParams.receipt_email;
    if (confirmParams.setup_future_usage) extra.setup_future_usage = confirmParams.setup_future_usage;
    var info = intentPath(secret);
    return this._confirm(secret, pmParams, extra, t, true).then(function (result) {
      var intent = result.paymentIntent || result.setupIntent;
      if (result.error || args.redirect === "if_required") return result;
      var url = new URL(confirmParams.return_url, window.location.href);
      var prefix = info.setup ? "setup_intent" : "payment_intent";
      url.searchParams.set(prefix, intent.id);
      url.searchParams.set(prefix + "_client_secret", intent.client_secret);
      url.searchParams.set("redirect_status", intent.status === "succeeded" || intent.status === "processing" ? "succeeded" : "failed");
      window.location.assign(url.toString());
      return new Promise(function () {});
    });
  };

  proto.confirmPayment = function (args) { return this._confirmWithElements("confirmPayment", args); };
  proto.confirmSetup = function (args) { return this._confirmWithElements("confirmSetup", args); };

  proto._legacyConfirm = function (secret, data, options) {
    data = data || {};
    var pm = data.payment_method;
    var pmParams = {};
    var t = labelsFor(this.locale);
    if (typeof pm === "string") pmParams.payment_method = pm;
    else if (pm && pm.card) {
      t = labelsFor(pm.card.group ? pm.card.group.locale : this.locale);
      var built = this._cardData(pm.card, pm.billing_details);
      if (built.error) return Promise.resolve(built);
      pmParams.payment_method_data = built.data;
    }
    var extra = {};
    if (data.return_url) extra.return_url = data.return_url;
    if (data.setup_future_usage) extra.setup_future_usage = data.setup_future_usage;
    return this._confirm(secret, pmParams, extra, t, !options || options.handleActions !== false);
  };
  proto.confirmCardPayment = function (secret, data, options) { return this._legacyConfirm(secret, data, options); };
  proto.confirmCardSetup = function (secret, data, options) { return this._legacyConfirm(secret, data, options); };

  proto._retrieve = function (secret) {
    var info = intentPath(secret);
    return request(this._ctx, "GET", info.path, { client_secret: secret }).then(function (res) {
      if (!res.ok) return { error: res.body.error };
      return info.setup ? { setupIntent: res.body } : { paymentIntent: res.body };
    });
  };
  proto.retrievePaymentIntent = function (secret) { return this._retrieve(secret); };
  proto.retrieveSetupIntent = function (secret) { return this._retrieve(secret); };

  proto.handleNextAction = function (args) {
    var secret = args && args.clientSecret;
    var info = intentPath(secret);
    var self = this;
    return request(this._ctx, "GET", info.path, { client_secret: secret }).then(function (res) { return self._finish(info, res, labelsFor(self.locale), true); });
  };
  proto.handleCardAction = function (secret) { return this.handleNextAction({ clientSecret: secret }); };
  proto.handleCardSetup = function (secret, data, options) { return this.confirmCardSetup(secret, data, options); };

  proto.createPaymentMethod = function (args) {
    args = args || {};
    var card = args.elements ? args.elements._card() : args.card || (args.element || null);
    if (!card) return Promise.reject(integrationError("stripe.createPaymentMethod(): pass `elements` or `card`."));
    var params = args.params || {};
    var built = this._cardData(card, args.billing_details || params.billing_details);
    if (built.error) return Promise.resolve(built);
    return request(this._ctx, "POST", "/v1/payment_methods", built.data).then(function (res) {
      return res.ok ? { paymentMethod: res.body } : { error: res.body.error };
    });
  };

  var Stripe = function (key, opts) { return new StripeInstance(key, opts); };
  Stripe.version = "endive";
  Stripe.__vitrineEmulator = { api: API };
  window.Stripe = Stripe;
})();
