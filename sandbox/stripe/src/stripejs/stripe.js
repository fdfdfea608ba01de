/*
 * Vitrine Stripe emulator — Stripe.js stand-in, part 3 of 3 (3-D Secure modal, the Stripe instance and window.Stripe).
 * The server serves core.js + elements.js + stripe.js concatenated inside one IIFE at /stripe.js.
 */
function authenticate(stripe, intent, t) {
  return new Promise(function (resolve) {
    injectStyles();
    var overlay = document.createElement("div");
    overlay.className = "vse-overlay";
    overlay.setAttribute("data-testid", "stripe-3ds-modal");
    var amount = intent.amount
      ? new Intl.NumberFormat(undefined, { style: "currency", currency: String(intent.currency).toUpperCase() }).format(
          intent.amount / 100,
        )
      : "";
    overlay.innerHTML =
      '<div class="vse-modal" role="dialog" aria-modal="true"><div class="vse-lock"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/></svg></div><h2></h2>' +
      (amount ? '<div class="vse-amount"></div>' : "") +
      '<p></p><div class="vse-buttons"><button class="vse-no" data-result="fail"></button><button class="vse-ok" data-result="complete"></button></div></div>';
    overlay.querySelector("h2").textContent = t.authTitle;
    overlay.querySelector("p").textContent = t.authBody;
    if (amount) overlay.querySelector(".vse-amount").textContent = amount;
    overlay.querySelector(".vse-ok").textContent = t.complete;
    overlay.querySelector(".vse-no").textContent = t.fail;
    document.body.appendChild(overlay);
    overlay.querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () {
        overlay.querySelectorAll("button").forEach(function (x) {
          x.disabled = true;
        });
        var body =
          "client_secret=" + encodeURIComponent(intent.client_secret) + "&result=" + b.getAttribute("data-result");
        fetch(API + "/authenticate/" + intent.id, {
          method: "POST",
          headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
          body: body,
        })
          .then(function (r) {
            return r.json();
          })
          .then(function (out) {
            overlay.remove();
            resolve(out);
          })
          .catch(function (e) {
            overlay.remove();
            resolve({ result: "failed", error: { type: "api_connection_error", message: e.message }, intent: intent });
          });
      });
    });
  });
}

function StripeInstance(key, opts) {
  if (!(this instanceof StripeInstance)) return new StripeInstance(key, opts);
  if (typeof key !== "string" || !/^pk_/.test(key))
    throw integrationError("Invalid value for Stripe(): apiKey should be a publishable key (pk_test_...).");
  opts = opts || {};
  this._ctx = { key: key, stripeAccount: opts.stripeAccount || null };
  this.locale = opts.locale;
}

var proto = StripeInstance.prototype;
proto.registerAppInfo = function () {};
proto._registerWrapper = function () {};
proto.elements = function (options) {
  return new Elements(this, options);
};
proto.createToken = function () {
  return Promise.resolve({
    error: {
      type: "invalid_request_error",
      message: "Tokens are not supported by the Vitrine Stripe emulator; use PaymentMethods.",
    },
  });
};
proto.paymentRequest = function () {
  return {
    canMakePayment: function () {
      return Promise.resolve(null);
    },
    on: function () {},
    off: function () {},
    show: function () {},
    update: function () {},
  };
};

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
  if (intent.status !== "requires_action" || handleActions === false) {
    var ok = {};
    ok[key] = intent;
    return Promise.resolve(ok);
  }
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
  return request(this._ctx, "POST", info.path + "/confirm", params).then(function (res) {
    return self._finish(info, res, t, handleActions);
  });
};

proto._confirmWithElements = function (kind, args) {
  args = args || {};
  var elements = args.elements;
  var confirmParams = args.confirmParams || {};
  var secret = args.clientSecret || (elements && elements.clientSecret);
  var t = labelsFor(elements ? elements.locale : this.locale);
  if (!secret)
    return Promise.reject(
      integrationError(
        "stripe." + kind + "(): the `clientSecret` argument is required (pass it to elements() or to " + kind + ").",
      ),
    );
  if (args.redirect !== "if_required" && !confirmParams.return_url)
    return Promise.reject(
      integrationError(
        "stripe." +
          kind +
          "(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`",
      ),
    );
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
    url.searchParams.set(
      "redirect_status",
      intent.status === "succeeded" || intent.status === "processing" ? "succeeded" : "failed",
    );
    window.location.assign(url.toString());
    return new Promise(function () {});
  });
};

proto.confirmPayment = function (args) {
  return this._confirmWithElements("confirmPayment", args);
};
proto.confirmSetup = function (args) {
  return this._confirmWithElements("confirmSetup", args);
};

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
proto.confirmCardPayment = function (secret, data, options) {
  return this._legacyConfirm(secret, data, options);
};
proto.confirmCardSetup = function (secret, data, options) {
  return this._legacyConfirm(secret, data, options);
};

proto._retrieve = function (secret) {
  var info = intentPath(secret);
  return request(this._ctx, "GET", info.path, { client_secret: secret }).then(function (res) {
    if (!res.ok) return { error: res.body.error };
    return info.setup ? { setupIntent: res.body } : { paymentIntent: res.body };
  });
};
proto.retrievePaymentIntent = function (secret) {
  return this._retrieve(secret);
};
proto.retrieveSetupIntent = function (secret) {
  return this._retrieve(secret);
};

proto.handleNextAction = function (args) {
  var secret = args && args.clientSecret;
  var info = intentPath(secret);
  var self = this;
  return request(this._ctx, "GET", info.path, { client_secret: secret }).then(function (res) {
    return self._finish(info, res, labelsFor(self.locale), true);
  });
};
proto.handleCardAction = function (secret) {
  return this.handleNextAction({ clientSecret: secret });
};
proto.handleCardSetup = function (secret, data, options) {
  return this.confirmCardSetup(secret, data, options);
};

proto.createPaymentMethod = function (args) {
  args = args || {};
  var card = args.elements ? args.elements._card() : args.card || args.element || null;
  if (!card) return Promise.reject(integrationError("stripe.createPaymentMethod(): pass `elements` or `card`."));
  var params = args.params || {};
  var built = this._cardData(card, args.billing_details || params.billing_details);
  if (built.error) return Promise.resolve(built);
  return request(this._ctx, "POST", "/v1/payment_methods", built.data).then(function (res) {
    return res.ok ? { paymentMethod: res.body } : { error: res.body.error };
  });
};

var Stripe = function (key, opts) {
  return new StripeInstance(key, opts);
};
Stripe.version = "endive";
Stripe.__vitrineEmulator = { api: API };
window.Stripe = Stripe;
