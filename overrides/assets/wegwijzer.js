// Routewijzer wegwijzer: guided questions and free-text search, entirely in the browser.
//
// The page carries its data in <template class="rw-ww-data"><script type="application/json">
// (built by generator/wegwijzer/data.py and card.py), so Material's instant navigation swaps
// it along (the <template> keeps Material from re-inserting the JSON as a JavaScript script).
// Privacy: the typed text is never stored (no cookies, localStorage, sessionStorage),
// never put in the URL and never sent; only who is asking and the answer indexes go in the
// hash (#ik=leerkracht&pad=0.2.1).
// Flow: "Ik ben …" first, then one question per screen (own heading and page title, Back
// goes one question back), then an action card worded for that reader.
// The ranking lives in wegwijzer-rank.js (pure functions, tested in node).

import { afterAnswer, candidatesOf, matchedSignals, matchedWords, rank, separatingQuestion } from "./wegwijzer-rank.js";

// ---------------------------------------------------------------------------------------
// DOM helpers: every text goes in with textContent, never as HTML.
// ---------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

const embedded = () => window.parent !== window;
const linkAttrs = (href) => (embedded() ? { href, target: "_blank", rel: "noopener" } : { href });

// Who is asking: the id in the hash, the words after "Ik ben" and in the card's first line.
const READERS = [
  { id: "leerkracht", label: "leerkracht", button: "Ik ben leerkracht" },
  { id: "ouder", label: "ouder", button: "Ik ben ouder of verzorger" },
  { id: "school", label: "iemand anders van school", button: "Ik ben iemand anders van school" },
];
const readerById = (id) => READERS.find((r) => r.id === id) || null;

/** The hash '#ik=leerkracht&pad=0.2' as {reader, indexes}; null when it is not ours. */
function parseHash(hash) {
  const match = /^#(?:ik=([a-z]+)&)?pad=([0-9.]*)$/.exec(hash) || /^#ik=([a-z]+)$/.exec(hash);
  if (!match) return null;
  const reader = readerById(match[1] || "") ? match[1] : null;
  const code = match[2] || "";
  const indexes = code === "" ? [] : code.split(".").filter((p) => p !== "").map(Number);
  return { reader, indexes };
}

function hashFor(reader, indexes) {
  return (reader ? `#ik=${reader}&` : "#") + "pad=" + indexes.join(".");
}

// Material's instant navigation reacts to popstate (its first one even re-fetches the page)
// and its navigation.tracking rewrites the hash. So the path is pushed with pushState (no
// event), rendered here, and our own popstate events (Back/Forward between answer screens)
// are stopped in the capture phase before Material sees them.
let lastUrl = typeof location === "undefined" ? "" : location.href;
const isOurs = (hash) => parseHash(hash) !== null;

function go(hash) {
  history.pushState(null, "", hash === "" ? location.pathname + location.search : hash);
  lastUrl = location.href;
  if (questions) questions.render(true);
}

// ---------------------------------------------------------------------------------------
// The question tree
// ---------------------------------------------------------------------------------------

function walk(data, indexes) {
  const choices = [];
  let question = data.questions[data.start];
  let qid = data.start;
  let current = null;
  for (const index of indexes) {
    const answer = question && question.answers[index];
    if (!answer) break;
    choices.push({ qid, question, index, answer });
    current = answer.current || current;
    if (answer.outcome) return { choices, outcome: answer.outcome, current };
    qid = answer.next;
    question = data.questions[qid];
  }
  return { choices, qid, question, current };
}

/** [fewest, most] questions still to answer from `qid` (this one included). */
function remaining(data, qid, seen = new Set()) {
  const q = data.questions[qid];
  if (!q || seen.has(qid)) return [1, 1];
  const next = new Set(seen).add(qid);
  let low = Infinity;
  let high = 0;
  for (const a of q.answers) {
    const [l, h] = a.outcome || !a.next ? [0, 0] : remaining(data, a.next, next);
    low = Math.min(low, l + 1);
    high = Math.max(high, h + 1);
  }
  return [low, high];
}

/** "Vraag 2 van 4" when every path from here has the same length, else "Vraag 2". */
function counter(data, number, qid) {
  if (qid === null) {
    const [low, high] = remaining(data, data.start);
    return low === high ? `Vraag 1 van ${low + 1}` : "Vraag 1";
  }
  const [low, high] = remaining(data, qid);
  return low === high ? `Vraag ${number} van ${number + low - 1}` : `Vraag ${number}`;
}

/** The never-skip rules to name with an advice: worked out by Python (data.rules_data), only looked up here. */
function forbiddenFor(data, outcome, current) {
  const ahead = Object.hasOwn(data.rules.ahead, outcome) ? data.rules.ahead[outcome] : {};
  const key = current || "";
  return Object.hasOwn(ahead, key) ? ahead[key].map((i) => data.rules.texts[i]) : [];
}

// ---------------------------------------------------------------------------------------
// Screens: "Ik ben …", one question, the action card
// ---------------------------------------------------------------------------------------

function heading(count, text) {
  return el("h2", { tabindex: "-1", class: "rw-ww-kop" },
    count ? el("span", { class: "rw-ww-teller", text: count }) : null,
    count ? el("span", { class: "rw-sr", text: ": " }) : null,
    el("span", { class: "rw-ww-kop__tekst", text }));
}

function readerBlock(data, onChoose) {
  const count = counter(data, 1, null);
  const buttons = READERS.map((r) => el("button", { type: "button", class: "md-button rw-ww-ik", "data-rw-ik": r.id, text: r.button }));
  const block = el("div", { class: "rw-ww-vraag", "data-testid": "vraag", "data-question": "ik", role: "group", "aria-labelledby": "rw-ww-ik-kop" },
    Object.assign(heading(count, "Wie bent u?"), { id: "rw-ww-ik-kop" }),
    el("p", { class: "rw-ww-hint", text: "Dan krijgt u het advies in woorden voor u." }),
    el("div", { class: "rw-ww-ik-keuze" }, buttons));
  buttons.forEach((b) => b.addEventListener("click", () => onChoose(b.dataset.rwIk)));
  return { block, count, title: "Wie bent u?" };
}

/** On submit of a radio-button form: the chosen input, or an error and focus when none is. */
function onChoice(form, error, handle) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector("input:checked");
    if (!chosen) {
      error.hidden = false;
      form.querySelector("input").focus();
      return;
    }
    handle(chosen);
  });
}

function questionBlock(data, state, number, preselect, onAnswer) {
  const q = state.question;
  const hintId = `rw-ww-hint-${state.qid}`;
  const count = counter(data, number, state.qid);
  const error = el("p", { class: "rw-ww-fout", role: "alert", hidden: true, text: "Kies eerst een antwoord." });
  const options = q.answers.map((a, i) => el("div", { class: "rw-ww-optie" },
    el("input", { type: "radio", name: "rw-ww-antwoord", id: `rw-ww-a-${i}`, value: String(i),
      checked: preselect === i }),
    el("label", { for: `rw-ww-a-${i}`, text: a.text })));
  const form = el("form", { class: "rw-ww-vraagform", novalidate: true },
    el("fieldset", q.hint ? { "aria-describedby": hintId } : {},
      el("legend", {}, heading(count, q.text)),
      q.hint ? el("p", { class: "rw-ww-hint", id: hintId, text: q.hint }) : null,
      el("div", { class: "rw-ww-opties" }, options)),
    error,
    el("button", { type: "submit", class: "md-button md-button--primary", "data-testid": "volgende", text: "Volgende" }));
  onChoice(form, error, (chosen) => onAnswer(Number(chosen.value)));
  return { block: el("div", { class: "rw-ww-vraag", "data-testid": "vraag", "data-question": state.qid }, form), count, title: q.text };
}

function answersList(state, reader) {
  const who = readerById(reader);
  return el("div", { class: "rw-ww-overzicht" },
    el("h3", { class: "rw-ww-overzicht__kop", text: "Uw antwoorden" }),
    el("dl", {},
      who ? [el("dt", { text: "Ik ben" }), el("dd", {}, el("span", { text: who.label }), " ",
        el("button", { type: "button", class: "rw-ww-linkknop", "data-rw-wijzig": "ik" },
          "Wijzig", el("span", { class: "rw-sr", text: " wie u bent" })))] : null,
      state.choices.map((c, depth) => [
        el("dt", { text: c.question.text }),
        el("dd", {}, el("span", { text: c.answer.text }), " ",
          el("button", { type: "button", class: "rw-ww-linkknop", "data-rw-wijzig": String(depth) },
            "Wijzig", el("span", { class: "rw-sr", text: ` het antwoord op: ${c.question.text}` })),
          c.answer.reason ? el("span", { class: "rw-ww-toelichting", text: c.answer.reason }) : null),
      ])));
}

function section(title, body) {
  return el("section", { class: "rw-ww-kaart__deel" }, el("h3", { text: title }), body);
}

function list(items, render) {
  return el("ul", {}, items.map((item) => el("li", {}, render(item))));
}

function cardBlock(data, state, reader, pageUrl) {
  const o = data.outcomes[state.outcome];
  const who = readerById(reader) || READERS[2];
  const card = o.card.readers[who.id];
  const parts = [
    el("p", { class: "rw-ww-kaart__voor", text: `Advies voor u als ${who.label} · ${data.name}` }),
    heading(null, `Advies: ${o.name}`),
    el("p", { class: "rw-ww-kaart__samenvatting", text: o.summary }),
    section("Wat u nu doet", card.do.length ? list(card.do, (t) => t)
      : el("p", { text: "De route noemt hier geen taak voor u. Lees wat er in deze stap gebeurt via de link onderaan." })),
    section("Uw aanspreekpunt", card.contact
      ? el("p", {}, el("a", { ...linkAttrs(card.contact.url), class: "rw-ww-kaart__wie" }, card.contact.name),
        card.contact.about ? el("span", { class: "rw-ww-kaart__over", text: card.contact.about }) : null)
      : el("p", { text: "De route noemt in deze stap geen aanspreekpunt. Vraag het de school." })),
    section(who.id === "ouder" ? "Wat u beslist of ondertekent" : "Wat u vastlegt of ondertekent",
      card.record.length ? list(card.record, (r) => r.name
        ? [el("a", linkAttrs(r.url), r.name), `: ${r.text}`] : r.text)
        : el("p", { text: who.id === "ouder" ? "In deze stap vraagt de route u niets te beslissen of te ondertekenen."
          : "De route noemt in deze stap niets om vast te leggen." })),
    section("Wat hierna komt", o.card.next.length ? list(o.card.next, (n) => [el("a", linkAttrs(n.url), n.name), n.when ? `: ${n.when}` : ""])
      : el("p", { text: o.card.end ? "Hier kan de route eindigen." : "De route noemt geen volgende stap." })),
  ];
  const rules = forbiddenFor(data, state.outcome, state.current);
  if (rules.length) parts.push(section("Let op", el("ul", { class: "rw-ww-verboden" }, rules.map((t) => el("li", { text: t })))));
  const copied = el("p", { class: "rw-ww-gekopieerd", role: "status" });
  parts.push(el("div", { class: "rw-ww-kaart__acties" },
    el("button", { type: "button", class: "md-button", "data-rw-kopieer": "", text: "Link kopiëren" }),
    el("button", { type: "button", class: "md-button", "data-rw-print": "", text: "Advies afdrukken" }),
    copied));
  parts.push(el("details", { class: "rw-ww-waarom" }, el("summary", { text: "Waarom dit advies" }),
    answersList(state, reader),
    el("p", {}, el("a", linkAttrs(o.url), `Alles over ${o.name}`))));
  const block = el("div", { class: "rw-ww-advies rw-ww-kaart", "data-testid": "advies", "data-step": o.id }, parts);
  block.querySelector("[data-rw-print]").addEventListener("click", () => window.print());
  block.querySelector("[data-rw-kopieer]").addEventListener("click", () => copyLink(copied, pageUrl));
  return { block, title: `Advies: ${o.name}` };
}

/** Copy the address of this advice (who is asking and the answers; never typed text). */
async function copyLink(status, pageUrl) {
  const link = new URL(pageUrl || location.href.split("#")[0], location.href).href.split("#")[0] + location.hash;
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = "De link is gekopieerd.";
  } catch {
    const field = el("input", { type: "text", readonly: true, value: link, "aria-label": "Link naar dit advies", class: "rw-ww-linkveld" });
    status.replaceChildren("Kopiëren lukte niet; kopieer de link hieronder zelf.", field);
    field.select();
  }
  reportHeight();
}

class Questions {
  constructor(root, live, data, page) {
    this.root = root;
    this.live = live;
    this.data = data;
    this.page = page;
    this.baseTitle = document.title;
    this.last = [];
  }

  render(focus) {
    this.renderedUrl = location.href;
    const parsed = parseHash(location.hash);
    const reader = parsed ? parsed.reader : null;
    const state = walk(this.data, parsed ? parsed.indexes : []);
    const given = state.choices.map((c) => c.index);
    const longer = this.last.length > given.length && given.every((v, i) => this.last[i] === v);
    const preselect = longer ? this.last[given.length] : null;
    if (!longer || state.outcome) this.last = given;
    this.page.showFlow(parsed !== null);

    let screen;
    if (!reader) screen = readerBlock(this.data, (id) => go(hashFor(id, given)));
    else if (state.outcome) screen = cardBlock(this.data, state, reader, this.root.dataset.rwPagina);
    else if (state.question) screen = questionBlock(this.data, state, given.length + 2, preselect, (i) => go(hashFor(reader, [...given, i])));
    else screen = { block: el("p", { text: "Dit adres past niet bij de vragen van deze route." }), title: "" };

    const back = parsed !== null ? el("button", { type: "button", class: "md-button", "data-rw-vorige": "", text: "Vorige" }) : null;
    const restart = reader ? el("a", { href: hashFor(reader, []), class: "md-button rw-ww-opnieuw", "data-rw-opnieuw": "", text: "Opnieuw beginnen" }) : null;
    const nav = back || restart ? el("div", { class: "rw-ww-knoppen" }, back, restart) : null;
    const summary = reader && !state.outcome && state.choices.length ? answersList(state, reader) : null;
    this.root.replaceChildren(...[screen.block, nav, summary].filter(Boolean));

    this.root.querySelectorAll("[data-rw-wijzig]").forEach((b) => b.addEventListener("click", () => {
      this.last = given;
      const which = b.dataset.rwWijzig;
      go(which === "ik" ? hashFor(null, given) : hashFor(reader, given.slice(0, Number(which))));
    }));
    if (back) back.addEventListener("click", () => {
      this.last = given;
      go(!reader ? "" : given.length ? hashFor(reader, given.slice(0, -1)) : hashFor(null, []));
    });
    if (restart) restart.addEventListener("click", (event) => {
      event.preventDefault();
      this.last = [];
      go(hashFor(reader, []));
    });

    const label = parsed === null ? "" : screen.count ? `${screen.count}: ${screen.title}` : screen.title;
    document.title = label ? `${label} · ${this.baseTitle}` : this.baseTitle;
    if (state.outcome && reader) {
      this.live.textContent = "";
      setTimeout(() => { this.live.textContent = `${screen.title}, voor u als ${readerById(reader).label}`; }, 50);
    }
    if (focus && parsed !== null) {
      const h = this.root.querySelector(".rw-ww-kop");
      if (h) {
        h.focus({ preventScroll: true });
        h.scrollIntoView({ block: "start" });
        askHostToScroll(h);
      }
    }
    reportHeight();
  }
}

// ---------------------------------------------------------------------------------------
// The free-text search
// ---------------------------------------------------------------------------------------
// After a description: the best suggestions with why, then one question from the route's
// own tree that tells them apart; its answer leads to the advice. The typed text stays in
// this function: it is not stored and not put in the URL.

/** Why a step was suggested: its recognition phrases that match, else the words that did. */
function whyBlock(data, entry, ranked, text) {
  const signals = matchedSignals(entry, ranked.query, data.search);
  if (signals.length) {
    return el("p", { class: "rw-ww-suggestie__signalen" }, "Herkend aan: ",
      signals.map((s, i) => [i ? "; " : "", el("q", { text: s })]));
  }
  const hits = matchedWords(text, entry, data.search);
  return hits.length ? el("p", { class: "rw-ww-suggestie__signalen", text: `Woorden die passen: ${hits.join(", ")}` }) : null;
}

/** The advice a confirmed answer leads to: the step, what it is about, who to talk to, what may not be skipped. */
function confirmedAdvice(data, stepId) {
  const o = data.outcomes[stepId];
  const rules = forbiddenFor(data, stepId, null);
  return el("div", { class: "rw-ww-advies", "data-testid": "bevestig-advies", "data-step": stepId },
    el("h4", { tabindex: "-1", class: "rw-ww-kop", text: `Advies: ${o.name}` }),
    el("p", { text: o.summary }),
    o.talk.length ? el("p", {}, el("strong", { text: "Met wie praat u: " }), o.talk.join(", ")) : null,
    rules.length ? el("ul", { class: "rw-ww-verboden" }, rules.map((t) => el("li", { text: t }))) : null,
    el("p", { class: "rw-ww-advies__stap" }, el("a", linkAttrs(o.url), `Ga naar ${o.name}`)));
}

/** One confirming question as a radio group; `onAnswer(index)` on submit. */
function confirmQuestion(data, qid, onAnswer) {
  const q = data.questions[qid];
  const name = `rw-ww-bevestig-${qid}`;
  const error = el("p", { class: "rw-ww-fout", role: "alert", hidden: true, text: "Kies eerst een antwoord." });
  const form = el("form", { class: "rw-ww-vraagform", novalidate: true },
    el("fieldset", {},
      el("legend", {}, el("h4", { tabindex: "-1", class: "rw-ww-kop", text: q.text })),
      q.hint ? el("p", { class: "rw-ww-hint", text: q.hint }) : null,
      el("div", { class: "rw-ww-opties" }, q.answers.map((a, i) => el("div", { class: "rw-ww-optie" },
        el("input", { type: "radio", name, id: `${name}-${i}`, value: String(i) }),
        el("label", { for: `${name}-${i}`, text: a.text }))))),
    error,
    el("button", { type: "submit", class: "md-button md-button--primary", "data-testid": "bevestig-antwoord", text: "Controleer" }));
  onChoice(form, error, (chosen) => onAnswer(Number(chosen.value)));
  return el("div", { class: "rw-ww-vraag", "data-testid": "bevestig", "data-question": qid }, form);
}

/** Ask the separating question in `box`, then the next one or the advice, until one step is left. */
function confirmFlow(box, data, candidates, qid) {
  const show = (nodes, focus) => {
    box.replaceChildren(...nodes);
    const heading = box.querySelector(".rw-ww-kop");
    if (focus && heading) heading.focus({ preventScroll: true });
    reportHeight();
  };
  const ask = (id, pool, first) => {
    const question = confirmQuestion(data, id, (index) => {
      const next = afterAnswer(data, pool, id, index);
      if (next.outcome) show([confirmedAdvice(data, next.outcome)], true);
      else ask(next.qid, next.candidates, false);
    });
    show(first ? [el("p", { class: "rw-ww-hint", text: "Eén vraag om zeker te weten welke stap het is:" }), question]
      : [question], !first);
  };
  if (qid) ask(qid, candidates, true);
  else show([confirmedAdvice(data, candidates[0].id)], false);
}

function showSuggestions(target, data, text, onConfirm) {
  if (!text.trim()) {
    target.replaceChildren(el("p", { text: "Typ eerst een korte beschrijving." }));
    return;
  }
  const ranked = rank(text, data.search).slice(0, 3);
  if (!ranked.length) {
    target.replaceChildren(el("div", { "data-testid": "geen-suggestie" },
      el("h3", { class: "rw-ww-suggesties__kop", text: "Geen stap gevonden bij deze woorden" }),
      el("p", { text: "De wegwijzer herkent in uw beschrijving geen woorden die in deze route staan. "
        + "Probeer het met andere woorden, of beantwoord de vragen: die leiden u ook naar de juiste stap." }),
      el("p", {}, el("button", { type: "button", class: "md-button md-button--primary", "data-rw-bevestig": "",
        text: "Beantwoord de vragen" }))));
    target.querySelector("[data-rw-bevestig]").addEventListener("click", onConfirm);
    return;
  }
  const byId = Object.fromEntries(data.search.steps.map((s) => [s.id, s]));
  const items = ranked.map((r) => {
    const o = data.outcomes[r.id];
    return el("li", { class: "rw-ww-suggestie", "data-testid": "suggestie", "data-step": r.id },
      el("a", { ...linkAttrs(o.url), class: "rw-ww-suggestie__stap" }, o.name),
      el("p", { class: "rw-ww-suggestie__tekst", text: o.summary }),
      whyBlock(data, byId[r.id], r, text));
  });
  const candidates = candidatesOf(ranked, data.search);
  const qid = data.start ? separatingQuestion(data, candidates) : null;
  const box = el("div", { class: "rw-ww-bevestig" });
  target.replaceChildren(
    el("h3", { class: "rw-ww-suggesties__kop", tabindex: "-1",
      text: ranked.length === 1 ? "Deze stap past het best" : `De ${ranked.length} stappen die het best passen` }),
    el("ol", { class: "rw-ww-suggesties__lijst" }, items),
    box,
    el("p", {}, el("button", { type: "button", class: "md-button", "data-rw-bevestig": "",
      text: "Controleer met alle vragen" })));
  target.querySelector("[data-rw-bevestig]").addEventListener("click", onConfirm);
  if (data.start) confirmFlow(box, data, candidates, qid);
}

// ---------------------------------------------------------------------------------------
// Embedded in another site (…/wegwijzer/embed/ in an iframe)
// ---------------------------------------------------------------------------------------
// Privacy: the framing page may be anyone's. It gets only what it needs to fit and follow
// the iframe: a height rounded up to 50 px and the offset of a new question or advice. Both
// are sent after a screen changes (a click on an answer, Vorige, a fold-out) or the window
// is resized, never because of what was typed: the suggestion box of the embed has a fixed
// height, so a match and no match give the same layout and the same messages.

const HEIGHT_STEP = 50;
let lastHeight = 0;

function hostOrigin() {
  try {
    return document.referrer ? new URL(document.referrer).origin : "*";
  } catch {
    return "*";
  }
}

function tellHost(message) {
  if (embedded()) window.parent.postMessage(message, hostOrigin());
}

function reportHeight() {
  if (!embedded()) return;
  const content = document.querySelector(".md-content") || document.body;
  const exact = content.getBoundingClientRect().bottom + window.scrollY + 16;
  const height = Math.ceil(exact / HEIGHT_STEP) * HEIGHT_STEP;
  if (height === lastHeight) return;
  lastHeight = height;
  tellHost({ type: "routewijzer:hoogte", height });
}

function askHostToScroll(node) {
  if (!embedded()) return;
  reportHeight();
  tellHost({ type: "routewijzer:scroll", top: Math.max(0, Math.round(node.getBoundingClientRect().top + window.scrollY - 8)) });
}

/** The embed page's colour: ?kleur=licht|donker; else what the host page says it is (the
    snippet sends routewijzer:kleur); else the reader's prefers-color-scheme. Never the
    palette stored for the main site, which made a dark slab in a white school page. */
function embedScheme() {
  const words = { donker: "slate", licht: "default" };
  const fixed = words[new URLSearchParams(location.search).get("kleur")] || null;
  let host = null;
  const scheme = () => fixed || host || (matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default");
  const apply = () => {
    if (document.body.getAttribute("data-md-color-scheme") !== scheme()) {
      document.body.setAttribute("data-md-color-scheme", scheme());
    }
  };
  apply();
  // Material sets the palette when its components mount (on document$, which it subscribed
  // to before this script) and on a change of the system setting: apply ours after it.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) window.document$.subscribe(apply);
  window.addEventListener("load", apply);
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => setTimeout(apply));
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data || event.data.type !== "routewijzer:kleur") return;
    host = words[event.data.kleur] || null;
    apply();
  });
}

// ---------------------------------------------------------------------------------------
// Setup per page (instant navigation swaps the content; set up again each time)
// ---------------------------------------------------------------------------------------

let questions = null;

/** Start screen: intro, the questions and the search as two entries. In the flow: one question only. */
function pageParts() {
  const extras = [...document.querySelectorAll("[data-rw-start]")];
  document.querySelectorAll("[data-rw-static-kop]").forEach((node) => { node.hidden = true; });
  return {
    showFlow(inFlow) {
      extras.forEach((node) => { node.hidden = inFlow; });
    },
  };
}

function setupRoute(dataNode) {
  const data = JSON.parse(dataNode.content.querySelector("script").textContent);
  const app = document.querySelector("[data-rw-app]");
  const live = document.querySelector("[data-rw-live]");
  const staticTree = document.querySelector("[data-rw-static]");
  if (!app || !live || !data.start) return;
  staticTree.hidden = true;
  app.hidden = false;
  questions = new Questions(app, live, data, pageParts());
  questions.render(true);
  // The rest of the page shows from here on (wegwijzer.css), below the first question.
  document.querySelector("[data-rw-vragen]")?.classList.add("rw-ww--actief");

  const form = document.querySelector("[data-rw-form]");
  const target = document.querySelector("[data-rw-suggesties]");
  if (form && target) {
    form.hidden = false;
    const input = form.querySelector("[data-testid=situatie]");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // Fixed height first: the confirming question reports the height as it renders, and
      // that height must not depend on whether the text found anything.
      if (embedded()) {
        target.classList.add("rw-ww-suggesties--vast");
        target.tabIndex = 0;
        target.setAttribute("role", "region");
        target.setAttribute("aria-label", "Gevonden stappen");
      }
      showSuggestions(target, data, input.value, () => {
        questions.last = [];
        const parsed = parseHash(location.hash);
        go(hashFor(parsed ? parsed.reader : null, []));
      });
      reportHeight();
    });
  }
  const code = document.querySelector("[data-rw-embed-code]");
  if (code) {
    // The snippet is HTML a school copies: the absolute address goes in attribute-escaped,
    // and through a function, so "$&" in an address is not a replacement pattern.
    const attr = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    const url = new URL(code.dataset.embedPath, location.href).href;
    code.textContent = code.textContent.replace(`src="${attr(code.dataset.embedPath)}"`, () => `src="${attr(url)}"`);
  }
}

function setup() {
  lastUrl = location.href;
  const dataNode = document.querySelector("template.rw-ww-data");
  if (dataNode && !dataNode.dataset.rwReady) {
    dataNode.dataset.rwReady = "1";
    setupRoute(dataNode);
  } else if (!dataNode) {
    questions = null;
  }
  reportHeight();
}

const active = () => questions && document.contains(questions.root);

/** Back/Forward between two screens of the wegwijzer: render here; true when it was ours. */
function onPopstate() {
  const previous = new URL(lastUrl);
  lastUrl = location.href;
  if (active() && previous.pathname === location.pathname && (isOurs(location.hash) || isOurs(previous.hash))) {
    questions.render(true);
    return true;
  }
  return false;
}

function start() {
  // overrides/main.html registers a listener before Material's and calls this one.
  window.rwPopstate = onPopstate;
  if (!window.rwPopstateEarly) {
    window.addEventListener("popstate", (event) => { if (onPopstate()) event.stopImmediatePropagation(); }, true);
  }

  window.addEventListener("hashchange", () => {
    lastUrl = location.href;
    if (active() && isOurs(location.hash) && questions.renderedUrl !== location.href) questions.render(true);
  });

  if (document.querySelector("[data-rw-embed]")) embedScheme();
  if (embedded()) {
    window.addEventListener("load", reportHeight);
    window.addEventListener("resize", reportHeight);
    document.addEventListener("toggle", reportHeight, true);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(() => setup());
  }
  setup();
}

// In node (tests import the text functions) there is no page to set up.
if (typeof window !== "undefined" && typeof document !== "undefined") start();
