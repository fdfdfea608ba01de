/** The test-card fields shared by hosted checkout and the hosted invoice page. */
import type { CardSource } from "../domain/payment-methods";
import { esc } from "./layout";

export const QUICK_CARDS: Array<[string, string]> = [
  ["4242 4242 4242 4242", "Succeeds"],
  ["4000 0000 0000 0002", "Declined"],
  ["4000 0000 0000 9995", "Insufficient funds"],
  ["4000 0025 0000 3155", "3-D Secure"],
  ["4000 0000 0000 0259", "Dispute"],
];

export function cardFields(values: { name?: string } = {}): string {
  const chips = QUICK_CARDS.map(
    ([n, label]) =>
      `<button type="button" class="chip" data-card="${esc(n)}">${esc(label)} · ${esc(n.slice(-4))}</button>`,
  ).join("");
  return `
<div class="field">
  <span class="label">Card information</span>
  <div class="cardbox">
    <input type="text" name="number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" aria-label="Card number" required>
    <div class="row">
      <input type="text" name="exp" inputmode="numeric" autocomplete="cc-exp" placeholder="MM / YY" aria-label="Expiration date" required>
      <input type="text" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC" aria-label="Security code" required>
    </div>
  </div>
</div>
<div class="field">
  <label for="name">Cardholder name</label>
  <input type="text" id="name" name="name" autocomplete="cc-name" placeholder="Full name on card" value="${esc(values.name ?? "")}">
</div>
<div class="hint"><span class="muted">Test cards — any future expiry and any CVC:</span><div class="chips">${chips}</div></div>`;
}

/** Fills the form from the test-card chips and spaces the card number as you type. */
export const CARD_SCRIPT = `
document.querySelectorAll('[data-card]').forEach(function(b){b.addEventListener('click',function(){
  var f=b.closest('form');f.number.value=b.dataset.card;var d=new Date();f.exp.value='12 / '+String((d.getFullYear()+3)%100);f.cvc.value='123';
  if(f.email&&!f.email.value)f.email.value='buyer@example.com';if(f.name&&!f.name.value)f.name.value='Jenny Rosen';
});});
document.querySelectorAll('input[name=number]').forEach(function(i){i.addEventListener('input',function(){
  var v=i.value.replace(/\\D/g,'').slice(0,19);i.value=v.replace(/(.{4})/g,'$1 ').trim();
});});
document.querySelectorAll('input[name=exp]').forEach(function(i){i.addEventListener('input',function(e){
  var v=i.value.replace(/\\D/g,'').slice(0,4);i.value=v.length>2?v.slice(0,2)+' / '+v.slice(2):v;
});});
document.querySelectorAll('form[data-busy]').forEach(function(f){f.addEventListener('submit',function(){
  var b=f.querySelector('button[type=submit]');if(b){b.disabled=true;b.style.opacity=.7;b.textContent=f.dataset.busy;}
});});
`;

/** Reads number / "MM / YY" / cvc from a submitted form. Returns an error message when unusable. */
export function parseCardForm(form: URLSearchParams): CardSource | string {
  const number = (form.get("number") ?? "").replace(/\D/g, "");
  const exp = (form.get("exp") ?? "").replace(/\s/g, "");
  const m = /^(\d{1,2})\/?(\d{2}|\d{4})$/.exec(exp.includes("/") ? exp : exp.replace(/^(\d{2})(\d+)$/, "$1/$2"));
  if (!number) return "Your card number is incomplete.";
  if (!m) return "Your card's expiration date is incomplete.";
  const cvc = (form.get("cvc") ?? "").trim();
  if (!cvc) return "Your card's security code is incomplete.";
  return { number, exp_month: Number(m[1]), exp_year: Number(m[2]), cvc };
}
