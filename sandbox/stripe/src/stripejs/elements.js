/*
 * Vitrine Stripe emulator — Stripe.js stand-in, part 2 of 3 (styles, the card/Payment Element and the Elements group).
 * The server serves core.js + elements.js + stripe.js concatenated inside one IIFE at /stripe.js.
 */
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
    ".vse-ok{background:#4f46e5;color:#fff;border:0}.vse-ok:hover{background:#4338ca}.vse-no{background:#fff;color:#c0123c;border:1px solid #f3c1cc}.vse-no:hover{background:#fff5f7}",
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
    if (i % 2) {
      d *= 2;
      if (d > 9) d -= 9;
    }
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

function Emitter() {
  this._h = {};
}
Emitter.prototype.on = function (ev, fn) {
  (this._h[ev] = this._h[ev] || []).push(fn);
  return this;
};
Emitter.prototype.once = function (ev, fn) {
  var self = this;
  function w() {
    self.off(ev, w);
    fn.apply(null, arguments);
  }
  return this.on(ev, w);
};
Emitter.prototype.off = function (ev, fn) {
  var l = this._h[ev] || [];
  this._h[ev] = fn
    ? l.filter(function (x) {
        return x !== fn;
      })
    : [];
  return this;
};
Emitter.prototype._emit = function (ev, payload) {
  (this._h[ev] || []).slice().forEach(function (fn) {
    try {
      fn(payload);
    } catch (e) {
      setTimeout(function () {
        throw e;
      });
    }
  });
};

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
  if (!host)
    throw integrationError(
      "The selector you specified (" + target + ") applies to no DOM elements that are currently on the page.",
    );
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
  this.inputs = {
    number: root.querySelector('[data-vse="number"]'),
    expiry: root.querySelector('[data-vse="expiry"]'),
    cvc: root.querySelector('[data-vse="cvc"]'),
  };
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
    self.inputs[k].addEventListener("focus", function () {
      self._emit("focus", { elementType: self.elementType });
    });
    self.inputs[k].addEventListener("blur", function () {
      self._showError(true);
      self._emit("blur", { elementType: self.elementType });
    });
  });
  setTimeout(function () {
    self._emit("ready", { elementType: self.elementType });
  }, 0);
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
  if (c.exp_month.length < 2 || c.exp_year.length < 2 || Number(c.exp_month) < 1 || Number(c.exp_month) > 12)
    return { code: "incomplete_expiry", message: t.incompleteExpiry, field: "expiry" };
  var now = new Date();
  var yy = now.getFullYear() % 100;
  if (Number(c.exp_year) < yy || (Number(c.exp_year) === yy && Number(c.exp_month) < now.getMonth() + 1))
    return { code: "invalid_expiry_year_past", message: t.pastExpiry, field: "expiry" };
  if (c.cvc.length < 3) return { code: "incomplete_cvc", message: t.incompleteCvc, field: "cvc" };
  return null;
};

CardElement.prototype._showError = function (onlyTouched) {
  if (!this.inputs) return null;
  var err = this._validate();
  var self = this;
  ["number", "expiry", "cvc"].forEach(function (k) {
    self.inputs[k].classList.toggle(
      "vse-invalid",
      !!err && err.field === k && (!onlyTouched || !!self.inputs[k].value),
    );
  });
  var visible = err && (!onlyTouched || this.inputs[err.field].value) ? err.message : "";
  this.errorNode.textContent = visible;
  return err;
};

CardElement.prototype._changed = function () {
  var c = this._read();
  var err = this._validate();
  if (!err) this._showError(false);
  this._emit("change", {
    elementType: this.elementType,
    complete: !err,
    empty: !c.number && !c.exp_month && !c.cvc,
    collapsed: false,
    value: { type: "card" },
    brand: brand(c.number),
    error: undefined,
  });
};

CardElement.prototype.update = function (opts) {
  Object.assign(this.options, opts || {});
};
CardElement.prototype.focus = function () {
  if (this.inputs) this.inputs.number.focus();
};
CardElement.prototype.blur = function () {
  if (document.activeElement && this.node && this.node.contains(document.activeElement)) document.activeElement.blur();
};
CardElement.prototype.clear = function () {
  if (!this.inputs) return;
  var s = this;
  ["number", "expiry", "cvc"].forEach(function (k) {
    s.inputs[k].value = "";
  });
  this._changed();
};
CardElement.prototype.collapse = function () {};
CardElement.prototype.unmount = function () {
  if (this.node && this.node.parentNode) this.node.parentNode.removeChild(this.node);
  this.node = null;
  this.inputs = null;
};
CardElement.prototype.destroy = function () {
  this.unmount();
  this.group._remove(this);
  this._h = {};
};

/** Elements we do not emulate render nothing but behave, so pages using them still load. */
function InertElement(group, type) {
  Emitter.call(this);
  this.group = group;
  this.elementType = type;
}
InertElement.prototype = Object.create(Emitter.prototype);
InertElement.prototype.mount = function () {
  var s = this;
  console.warn("[stripe-emulator] <" + this.elementType + "> is not emulated and renders nothing.");
  setTimeout(function () {
    s._emit("ready", { elementType: s.elementType });
  }, 0);
};
["update", "focus", "blur", "clear", "collapse", "unmount"].forEach(function (m) {
  InertElement.prototype[m] = function () {};
});
InertElement.prototype.destroy = function () {
  this.group._remove(this);
};

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
Elements.prototype.getElement = function (type) {
  return (
    this.list.filter(function (e) {
      return e.elementType === type;
    })[0] || null
  );
};
Elements.prototype._remove = function (el) {
  this.list = this.list.filter(function (e) {
    return e !== el;
  });
};
Elements.prototype._card = function () {
  return (
    this.list.filter(function (e) {
      return e instanceof CardElement;
    })[0] || null
  );
};
Elements.prototype.update = function (opts) {
  opts = opts || {};
  if (opts.locale) this.locale = opts.locale;
  if (opts.appearance) this.appearance = opts.appearance;
  if (opts.clientSecret) this.clientSecret = opts.clientSecret;
  Object.assign(this.options, opts);
};
Elements.prototype.fetchUpdates = function () {
  return Promise.resolve({});
};
Elements.prototype.submit = function () {
  var card = this._card();
  if (!card) return Promise.resolve({ error: { type: "validation_error", message: "No payment element is mounted." } });
  var err = card._showError(false);
  return Promise.resolve(err ? { error: { type: "validation_error", code: err.code, message: err.message } } : {});
};
