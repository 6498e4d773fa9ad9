// Tick lists on the Documenten pages. Ticks are kept only in this browser (localStorage)
// and are never sent anywhere. Without JavaScript the boxes still show (unticked) and the
// "Wis vinkjes" buttons stay hidden.
//
// Storage key: 'routewijzer:checklist:<site path>:<route>:<step id>', holding the item
// keys that are ticked. The site path (Material's __md_scope, the site's root) keeps two
// Routewijzer sites on one host apart. An item's key comes from the route, not from its
// position: the document id and a hash of the item's text, or for things to record a hash
// of the text. Adding, removing or reordering items in the route then moves no tick;
// changing an item's text starts that item unticked, because it is another item now.

const PREFIX = "routewijzer:checklist:";

/** localStorage, or null when the browser refuses it (private mode, blocked storage). */
function storage() {
  try {
    const store = window.localStorage;
    const probe = `${PREFIX}probe`;
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/** Path of the site's root ('/' or '/swv/route/'), the same scope Material uses for its own storage. */
function sitePath() {
  try {
    if (window.__md_scope instanceof URL) return window.__md_scope.pathname;
    const config = JSON.parse(document.getElementById("__config")?.textContent ?? "{}");
    if (typeof config.base === "string") return new URL(`${config.base}/`, location.href).pathname;
  } catch {
    // No Material configuration: fall through.
  }
  return "/";
}

function keyFor(route, step) {
  return `${PREFIX}${sitePath()}:${route}:${step}`;
}

/** FNV-1a (32 bit) of a text, in base 36: short, stable, and the same in every browser. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    h ^= unit;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The stable key of one tick box: from the route's document id and the item's own text. */
function itemKey(box) {
  const label = box.labels && box.labels[0] ? box.labels[0].textContent : "";
  const text = label.replace(/\s+/g, " ").trim();
  const doc = /^doc-\d+-(.+)$/.exec(box.dataset.rwItem || "");
  return doc ? `doc-${doc[1]}-${hash(text)}` : `vastleggen-${hash(text)}`;
}

function readTicks(store, key) {
  try {
    const value = JSON.parse(store.getItem(key) ?? "[]");
    return new Set(Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);
  } catch {
    return new Set();
  }
}

function writeTicks(store, key, ticks) {
  try {
    if (ticks.size) {
      store.setItem(key, JSON.stringify([...ticks].sort()));
    } else {
      store.removeItem(key);
    }
  } catch {
    // Storage full or blocked: the ticks simply are not remembered.
  }
}

function announce(list, text) {
  const status = list.querySelector("[data-rw-status]");
  if (status) {
    status.textContent = "";
    // A fresh text node makes screen readers announce repeated messages too.
    window.setTimeout(() => { status.textContent = text; }, 50);
  }
}

function setUpStep(store, route, fieldset, list) {
  const key = keyFor(route, fieldset.dataset.rwStep);
  const boxes = [...fieldset.querySelectorAll("input[type=checkbox][data-rw-item]")];
  const seen = new Set();
  for (const box of boxes) {
    // Two items with the very same text in one step: number the later ones.
    let id = itemKey(box);
    for (let n = 2; seen.has(id); n += 1) id = `${itemKey(box)}-${n}`;
    seen.add(id);
    box.dataset.rwItem = id;
  }
  const ticks = readTicks(store, key);
  for (const box of boxes) {
    box.checked = ticks.has(box.dataset.rwItem);
    box.addEventListener("change", () => {
      const current = readTicks(store, key);
      if (box.checked) current.add(box.dataset.rwItem);
      else current.delete(box.dataset.rwItem);
      writeTicks(store, key, current);
    });
  }
  const clear = fieldset.querySelector("[data-rw-clear]");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", () => {
      for (const box of boxes) box.checked = false;
      writeTicks(store, key, new Set());
      const legend = fieldset.querySelector("legend");
      announce(list, `Vinkjes gewist${legend ? ` bij ${legend.textContent}` : ""}.`);
    });
  }
}

/** Connect every tick list on the current page (safe to call again after instant navigation). */
function initChecklists() {
  const store = storage();
  for (const list of document.querySelectorAll("[data-rw-checklist]")) {
    if (list.dataset.rwReady === "1") continue;
    list.dataset.rwReady = "1";
    if (!store) {
      announce(list, "Deze browser kan de vinkjes niet bewaren.");
      continue;
    }
    for (const fieldset of list.querySelectorAll("[data-rw-step]")) {
      setUpStep(store, list.dataset.rwChecklist, fieldset, list);
    }
  }
}

// Material's instant navigation swaps the page without reloading scripts; it announces
// every new page on its `document$` observable. Without Material, run once when ready.
if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => initChecklists());
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", initChecklists, { once: true });
} else {
  initChecklists();
}
