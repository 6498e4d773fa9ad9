// Routewijzer wegwijzer: free-text search and guided questions, entirely in the browser.
//
// The page carries its data in <template class="rw-ww-data"><script type="application/json">
// (built by generator/wegwijzer/data.py), so Material's instant navigation swaps it along
// (the <template> keeps Material from re-inserting the JSON as a JavaScript script).
// Privacy: the typed text is never stored (no cookies, localStorage, sessionStorage),
// never put in the URL and never sent; only answer indexes go in the hash (#pad=0.2.1).
// The ranking lives in wegwijzer-rank.js (pure functions, tested in node).

import { matchedSignals, matchedWords, rank } from "./wegwijzer-rank.js";

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

function parsePath(hash) {
  const match = /^#pad=([0-9.]*)$/.exec(hash);
  if (!match) return null;
  return match[1] === "" ? [] : match[1].split(".").map(Number);
}

// Material's instant navigation reacts to popstate (its first one even re-fetches the page)
// and its navigation.tracking rewrites the hash. So the path is pushed with pushState (no
// event), rendered here, and our own popstate events (Back/Forward between answer paths)
// are stopped in the capture phase before Material sees them.
let lastUrl = typeof location === "undefined" ? "" : location.href;
const isPad = (hash) => parsePath(hash) !== null;

function setPath(indexes) {
  history.pushState(null, "", "#pad=" + indexes.join("."));
  lastUrl = location.href;
  if (questions) questions.render(true);
}

// ---------------------------------------------------------------------------------------
// The guided questions
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

function forbiddenFor(data, outcome, current) {
  const order = data.outcomes[outcome].order;
  const here = current && data.outcomes[current] ? data.outcomes[current].order : -1;
  return data.rules.filter((r) => here < r.order && r.order <= order).map((r) => r.text);
}

// "What to do now for your role": a radio group that shows one role's tasks, or all.
// The choice is not stored and not put in the URL.
function roleFilter(items) {
  if (items.length < 2) return null;
  const name = "rw-ww-rol";
  const options = [{ label: "Alle rollen", index: -1 }, ...items.map((item, index) => ({ label: item.label, index }))];
  const group = el("fieldset", { class: "rw-ww-rolkeuze" }, el("legend", { text: "Ik ben:" }),
    options.map((opt) => el("span", { class: "rw-ww-optie" },
      el("input", { type: "radio", name, id: `${name}-${opt.index + 1}`, value: String(opt.index), checked: opt.index === -1 }),
      el("label", { for: `${name}-${opt.index + 1}`, text: opt.label }))));
  group.addEventListener("change", (event) => {
    const chosen = Number(event.target.value);
    items.forEach((item, index) => { item.node.hidden = chosen !== -1 && chosen !== index; });
  });
  return group;
}

function outcomeBlock(data, state) {
  const o = data.outcomes[state.outcome];
  const why = el("ul", { class: "rw-ww-waarom" },
    state.choices.map((c) => el("li", {}, `${c.question.text} `, el("strong", { text: c.answer.text }),
      c.answer.reason ? el("span", { class: "rw-ww-toelichting", text: ` ${c.answer.reason}` }) : null)));
  const parts = [
    el("h3", { tabindex: "-1", class: "rw-ww-kop", text: `Advies: ${o.name}` }),
    el("p", { class: "rw-ww-advies__stap" }, el("a", linkAttrs(o.url), `Ga naar ${o.name}`)),
    el("p", { text: o.summary }),
    el("h4", { text: "Waarom dit advies" }), why,
  ];
  if (o.roles.length || o.parents) {
    const items = [
      ...o.roles.map((r) => ({ label: r.name, node: el("li", {}, el("a", linkAttrs(r.url), r.name), " ",
        el("span", { class: "rw-muted", text: `(${r.responsibility})` }), r.tasks.length ? `: ${r.tasks.join(" ")}` : "") })),
      ...(o.parents ? [{ label: "Ouder (in gewone taal)", node: el("li", {}, el("strong", { text: "Ouders" }), `: ${o.parents}`) }] : []),
    ];
    parts.push(el("h4", { text: "Wat te doen nu" }), roleFilter(items), el("ul", { class: "rw-ww-rollen" }, items.map((i) => i.node)));
  }
  if (o.talk.length) parts.push(el("h4", { text: "Met wie praat u" }), el("p", { text: o.talk.join(", ") }));
  if (o.documents.length) {
    parts.push(el("h4", { text: "Documenten" }), el("ul", {}, o.documents.map((d) =>
      el("li", {}, el("a", linkAttrs(d.url), d.name), `: ${d.action}${d.deadline ? ` (${d.deadline})` : ""}`))));
  }
  const rules = forbiddenFor(data, state.outcome, state.current);
  if (rules.length) {
    parts.push(el("h4", { text: "Wat de route niet toestaat" }),
      el("ul", { class: "rw-ww-verboden" }, rules.map((t) => el("li", { text: t }))));
  }
  return el("div", { class: "rw-ww-advies", "data-testid": "advies", "data-step": o.id }, parts);
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

function questionBlock(data, state, preselect, onAnswer) {
  const q = state.question;
  const hintId = `rw-ww-hint-${state.qid}`;
  const error = el("p", { class: "rw-ww-fout", role: "alert", hidden: true, text: "Kies eerst een antwoord." });
  const options = q.answers.map((a, i) => el("div", { class: "rw-ww-optie" },
    el("input", { type: "radio", name: "rw-ww-antwoord", id: `rw-ww-a-${i}`, value: String(i),
      checked: preselect === i }),
    el("label", { for: `rw-ww-a-${i}`, text: a.text })));
  const form = el("form", { class: "rw-ww-vraagform", novalidate: true },
    el("fieldset", q.hint ? { "aria-describedby": hintId } : {},
      el("legend", {}, el("h3", { tabindex: "-1", class: "rw-ww-kop", text: q.text })),
      q.hint ? el("p", { class: "rw-ww-hint", id: hintId, text: q.hint }) : null,
      el("div", { class: "rw-ww-opties" }, options)),
    error,
    el("button", { type: "submit", class: "md-button md-button--primary", "data-testid": "volgende", text: "Volgende" }));
  onChoice(form, error, (chosen) => onAnswer(Number(chosen.value)));
  return el("div", { class: "rw-ww-vraag", "data-testid": "vraag", "data-question": state.qid }, form);
}

function summaryBlock(state) {
  if (!state.choices.length) return null;
  return el("div", { class: "rw-ww-overzicht" },
    el("h3", { class: "rw-ww-overzicht__kop", text: "Uw antwoorden" }),
    el("dl", {}, state.choices.map((c, depth) => [
      el("dt", { text: c.question.text }),
      el("dd", {}, el("span", { text: c.answer.text }), " ",
        el("button", { type: "button", class: "rw-ww-linkknop", "data-rw-wijzig": String(depth) },
          "Wijzig", el("span", { class: "rw-sr", text: ` het antwoord op: ${c.question.text}` }))),
    ])));
}

class Questions {
  constructor(root, live, data) {
    this.root = root;
    this.live = live;
    this.data = data;
    this.last = [];
  }

  render(focus) {
    const parsed = parsePath(location.hash);
    const indexes = parsed || [];
    const state = walk(this.data, indexes);
    const given = state.choices.map((c) => c.index);
    const longer = this.last.length > given.length && given.every((v, i) => this.last[i] === v);
    const preselect = longer ? this.last[given.length] : null;
    if (!longer || state.outcome) this.last = given;
    const nav = given.length ? el("div", { class: "rw-ww-knoppen" },
      el("button", { type: "button", class: "md-button", "data-rw-vorige": "", text: "Vorige" }),
      el("button", { type: "button", class: "md-button", "data-rw-opnieuw": "", text: "Opnieuw beginnen" })) : null;
    const main = state.outcome ? outcomeBlock(this.data, state)
      : state.question ? questionBlock(this.data, state, preselect, (i) => setPath([...given, i])) : null;
    this.root.replaceChildren(...[summaryBlock(state), main, nav].filter(Boolean));
    this.root.querySelectorAll("[data-rw-wijzig]").forEach((b) =>
      b.addEventListener("click", () => { this.last = given; setPath(given.slice(0, Number(b.dataset.rwWijzig))); }));
    const back = this.root.querySelector("[data-rw-vorige]");
    if (back) back.addEventListener("click", () => { this.last = given; setPath(given.slice(0, -1)); });
    const reset = this.root.querySelector("[data-rw-opnieuw]");
    if (reset) reset.addEventListener("click", () => { this.last = []; setPath([]); });
    if (state.outcome) {
      const o = this.data.outcomes[state.outcome];
      this.live.textContent = "";
      setTimeout(() => { this.live.textContent = `Advies: ${o.name}`; }, 50);
    }
    if (focus && (parsed !== null)) {
      const heading = this.root.querySelector(".rw-ww-kop");
      if (heading) {
        heading.focus({ preventScroll: true });
        heading.scrollIntoView({ block: "start" });
      }
    }
    reportHeight();
  }
}

// ---------------------------------------------------------------------------------------
// The free-text search
// ---------------------------------------------------------------------------------------
function showSuggestions(target, data, text, onConfirm) {
  const ranked = rank(text, data.search).slice(0, 3);
  if (!text.trim()) {
    target.replaceChildren(el("p", { text: "Typ eerst een korte beschrijving." }));
    return;
  }
  if (!ranked.length) {
    target.replaceChildren(el("p", { text: "Geen stap gevonden bij deze woorden. Probeer het anders te zeggen, of beantwoord de vragen hieronder." }));
    return;
  }
  const byId = Object.fromEntries(data.search.steps.map((s) => [s.id, s]));
  const items = ranked.map((r) => {
    const o = data.outcomes[r.id];
    const signals = matchedSignals(byId[r.id], r.query, data.search);
    const hits = matchedWords(text, byId[r.id], data.search);
    return el("li", { class: "rw-ww-suggestie", "data-testid": "suggestie", "data-step": r.id },
      el("a", { ...linkAttrs(o.url), class: "rw-ww-suggestie__stap" }, o.name),
      el("p", { class: "rw-ww-suggestie__tekst", text: o.summary }),
      signals.length ? el("p", { class: "rw-ww-suggestie__signalen" }, "Herkend aan: ",
        signals.map((s, i) => [i ? "; " : "", el("q", { text: s })])) : null,
      !signals.length && hits.length ? el("p", { class: "rw-ww-suggestie__signalen",
        text: `Woorden die passen: ${hits.join(", ")}` }) : null);
  });
  target.replaceChildren(
    el("h3", { class: "rw-ww-suggesties__kop", text: ranked.length === 1 ? "Deze stap past het best" : `De ${ranked.length} stappen die het best passen` }),
    el("ol", { class: "rw-ww-suggesties__lijst" }, items),
    el("p", {}, "Klopt het? ", el("button", { type: "button", class: "md-button", "data-rw-bevestig": "",
      text: "Controleer met de vragen" })));
  target.querySelector("[data-rw-bevestig]").addEventListener("click", onConfirm);
}

// ---------------------------------------------------------------------------------------
// Setup per page (instant navigation swaps the content; set up again each time)
// ---------------------------------------------------------------------------------------

let questions = null;

function reportHeight() {
  if (!embedded()) return;
  const content = document.querySelector(".md-content") || document.body;
  const height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY + 16);
  window.parent.postMessage({ type: "routewijzer:hoogte", height }, "*");
}

function setupRoute(dataNode) {
  const data = JSON.parse(dataNode.content.querySelector("script").textContent);
  const app = document.querySelector("[data-rw-app]");
  const live = document.querySelector("[data-rw-live]");
  const staticTree = document.querySelector("[data-rw-static]");
  if (!app || !live || !data.start) return;
  staticTree.hidden = true;
  app.hidden = false;
  questions = new Questions(app, live, data);
  questions.render(true);

  const form = document.querySelector("[data-rw-form]");
  const target = document.querySelector("[data-rw-suggesties]");
  if (form && target) {
    form.hidden = false;
    const input = form.querySelector("[data-testid=situatie]");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      showSuggestions(target, data, input.value, () => {
        questions.last = [];
        setPath([]);
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

function setupSite(root) {
  const form = root.querySelector("[data-rw-site-form]");
  const links = root.querySelector("[data-rw-site-links]");
  if (!form) return;
  form.hidden = false;
  if (links) links.hidden = true;
  onChoice(form, form.querySelector(".rw-ww-fout"), (chosen) => {
    location.href = new URL(chosen.value, location.href).href.split("#")[0] + "#pad=";
  });
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
  const site = document.querySelector("[data-rw-site]");
  if (site && !site.dataset.rwReady) {
    site.dataset.rwReady = "1";
    setupSite(site);
  }
  reportHeight();
}

const active = () => questions && document.contains(questions.root);

function start() {
  window.addEventListener("popstate", (event) => {
    const previous = new URL(lastUrl);
    lastUrl = location.href;
    if (active() && previous.pathname === location.pathname && (isPad(location.hash) || isPad(previous.hash))) {
      event.stopImmediatePropagation();
      questions.render(true);
    }
  }, true);

  window.addEventListener("hashchange", () => {
    lastUrl = location.href;
    if (active() && isPad(location.hash)) questions.render(true);
  });

  if (embedded()) {
    if ("ResizeObserver" in window) new ResizeObserver(() => reportHeight()).observe(document.body);
    window.addEventListener("load", reportHeight);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(() => setup());
  }
  setup();
}

// In node (tests import the text functions) there is no page to set up.
if (typeof window !== "undefined" && typeof document !== "undefined") start();
