// Filter a list of routes by what the reader types (school, SWV, route title). Runs in the
// page only: what is typed is never stored, sent or put in the URL. Without JavaScript the
// filter stays hidden and the whole list shows.

const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

function setUpFilter(box) {
  const list = document.getElementById(box.dataset.rwFilter);
  if (!list) return;
  const input = box.querySelector("input");
  const status = box.querySelector("[data-rw-filter-status]");
  const none = list.parentElement.querySelector("[data-rw-filter-none]");
  const items = [...list.children].map((li) => ({ li, words: fold(li.dataset.rwWords || li.textContent) }));
  box.hidden = false;
  let timer = 0;
  input.addEventListener("input", () => {
    const terms = fold(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { li, words } of items) {
      const match = terms.every((t) => words.includes(t));
      li.hidden = !match;
      if (match) shown += 1;
    }
    if (none) none.hidden = shown > 0;
    window.clearTimeout(timer);
    // Announce the count once typing pauses, not on every key.
    timer = window.setTimeout(() => {
      status.textContent = `${shown} ${shown === 1 ? "route" : "routes"}`;
    }, 400);
  });
}

function setUp() {
  for (const box of document.querySelectorAll("[data-rw-filter]")) {
    if (box.dataset.rwReady === "1") continue;
    box.dataset.rwReady = "1";
    setUpFilter(box);
  }
}

if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
  window.document$.subscribe(() => setUp());
} else {
  setUp();
}
