// Tick lists on the Documenten pages. Ticks are kept only in this browser (localStorage),
// one key per route and step, and are never sent anywhere. Without JavaScript the boxes
// still show (unticked) and the "Wis vinkjes" buttons stay hidden.

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

function keyFor(route, step) {
  return `${PREFIX}${route}:${step}`;
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
