// Tooltips for abbreviations and other elements with a `title`, shown as plain text.
//
// Why our own: Material's `content.tooltips` feature builds its tooltip by inserting the
// `title` as HTML, and route text reaches `title` (the `<abbr title>` of role, document and
// term names; the `title` Material puts on truncated navigation links). A route author's
// `<img onerror=…>` would then run in every reader's browser. This module only ever sets
// `textContent`, so a title is shown exactly as written and never becomes markup.
//
// Accessibility (WCAG 1.4.13, 2.1.1): the tooltip appears on hover and on keyboard focus,
// stays while the pointer moves onto it, and Escape dismisses it without moving focus.
// The first abbreviation of each kind on a page is made focusable (the expansion matters
// where an abbreviation is first used; one tab stop per "OPP" on a page would bury the
// links). Without JavaScript the browser's own title tooltip remains.

const SKIP = "input, textarea, select, option, iframe";
const HIDE_DELAY = 300;

let tip = null;
let current = null;
let hovered = false;
let hideTimer = 0;

function tooltip() {
  if (tip && document.body.contains(tip)) return tip;
  tip = document.createElement("div");
  tip.id = "rw-tooltip";
  tip.className = "rw-tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  tip.addEventListener("pointerenter", () => { hovered = true; window.clearTimeout(hideTimer); });
  tip.addEventListener("pointerleave", (event) => {
    hovered = false;
    if (event.pointerType !== "touch") scheduleHide();
  });
  document.body.append(tip);
  return tip;
}

/** The element whose tooltip an event concerns: one with a title, or the one showing now. */
function hostOf(node) {
  if (!(node instanceof Element)) return null;
  if (current && current.contains(node)) return current;
  const host = node.closest("[title]");
  if (!host || host.matches(SKIP) || host.closest("svg")) return null;
  return (host.getAttribute("title") || "").trim() ? host : null;
}

function place() {
  if (!current || !tip || tip.hidden) return;
  const rects = current.getClientRects();
  const box = rects.length ? rects[0] : current.getBoundingClientRect();
  const gap = 6;
  const width = document.documentElement.clientWidth;
  const { offsetWidth: w, offsetHeight: h } = tip;
  const below = box.bottom + gap + h <= window.innerHeight || box.top < h + gap;
  const top = below ? box.bottom + gap : box.top - gap - h;
  const left = Math.max(gap, Math.min(box.left + box.width / 2 - w / 2, width - w - gap));
  tip.style.top = `${Math.round(top + window.scrollY)}px`;
  tip.style.left = `${Math.round(left + window.scrollX)}px`;
}

function show(host) {
  window.clearTimeout(hideTimer);
  if (host === current) return;
  hide();
  const text = host.getAttribute("title") || "";
  const node = tooltip();
  current = host;
  // The title moves out while the tooltip shows, so the browser's own tooltip does not
  // appear on top of it; hide() puts it back.
  host.dataset.rwTitle = text;
  host.removeAttribute("title");
  const described = host.getAttribute("aria-describedby");
  if (described !== null) host.dataset.rwDescribedby = described;
  host.setAttribute("aria-describedby", described ? `${described} ${node.id}` : node.id);
  node.textContent = text;
  node.hidden = false;
  place();
}

function hide() {
  window.clearTimeout(hideTimer);
  if (tip) tip.hidden = true;
  hovered = false;
  if (!current) return;
  const host = current;
  current = null;
  if (host.dataset.rwTitle !== undefined) {
    host.setAttribute("title", host.dataset.rwTitle);
    delete host.dataset.rwTitle;
  }
  if (host.dataset.rwDescribedby !== undefined) {
    host.setAttribute("aria-describedby", host.dataset.rwDescribedby);
    delete host.dataset.rwDescribedby;
  } else {
    host.removeAttribute("aria-describedby");
  }
}

function scheduleHide() {
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(() => {
    if (!current || hovered || current.matches(":hover") || document.activeElement === current) return;
    hide();
  }, HIDE_DELAY);
}

/** First abbreviation of each kind in the page content gets a tab stop. */
function makeFocusable() {
  const seen = new Set();
  for (const abbr of document.querySelectorAll(".md-content abbr[title]")) {
    const text = abbr.textContent.trim();
    if (seen.has(text)) continue;
    seen.add(text);
    if (!abbr.hasAttribute("tabindex")) abbr.tabIndex = 0;
  }
}

function start() {
  document.addEventListener("pointerover", (event) => {
    if (tip && tip.contains(event.target)) return;
    const host = hostOf(event.target);
    if (host) show(host);
  });
  document.addEventListener("pointerout", (event) => {
    if (!current || event.pointerType === "touch") return;
    const to = event.relatedTarget;
    if (to instanceof Node && (current.contains(to) || (tip && tip.contains(to)))) return;
    if (current.contains(event.target)) scheduleHide();
  });
  document.addEventListener("pointerdown", (event) => {
    if (current && !current.contains(event.target) && !(tip && tip.contains(event.target))) hide();
  });
  document.addEventListener("focusin", (event) => {
    const host = hostOf(event.target);
    if (host) show(host);
    else if (current) hide();
  });
  document.addEventListener("focusout", (event) => {
    if (current && event.target === current && !current.matches(":hover") && !hovered) hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("scroll", place, { capture: true, passive: true });
  window.addEventListener("resize", place, { passive: true });
}

function onPage() {
  hide();
  makeFocusable();
}

start();
// Material's instant navigation swaps the page content without reloading scripts; it
// announces every new page on `document$`. Without Material, run once when ready.
if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => onPage());
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", onPage, { once: true });
} else {
  onPage();
}
