// Vergelijken: the reader ticks two to four routes and the tables show only those rows.
// The choice is kept in the address (#routes=a,b) so a comparison can be shared and survives
// a reload; it holds route ids only, never what the reader typed in the filter. Without
// JavaScript the form stays hidden and every route shows.

const MIN = 2;
const MAX = 4;
const PREFIX = "#routes=";

const names = (boxes) => boxes.map((box) => box.dataset.rwName);

function sentence(list) {
  return list.length < 2 ? list.join("") : `${list.slice(0, -1).join(", ")} en ${list[list.length - 1]}`;
}

function fromHash() {
  if (!location.hash.startsWith(PREFIX)) return [];
  return decodeURIComponent(location.hash.slice(PREFIX.length)).split(",").filter(Boolean);
}

function setUpPicker(form) {
  const boxes = [...form.querySelectorAll("input[type=checkbox][name=route]")];
  const status = form.querySelector("[data-rw-compare-status]");
  const showAll = form.querySelector("[data-rw-compare-all]");
  const rows = [...document.querySelectorAll("[data-rw-route]")];
  const top = document.querySelector("[data-rw-compare-top]");
  const known = new Set(boxes.map((box) => box.value));
  form.hidden = false;

  const chosen = () => boxes.filter((box) => box.checked);

  function count() {
    const picked = chosen();
    if (picked.length === 0) status.textContent = `Kies ${MIN} tot ${MAX} routes.`;
    else if (picked.length > MAX) status.textContent = `U hebt ${picked.length} routes gekozen; kies er hooguit ${MAX}.`;
    else status.textContent = `Gekozen: ${sentence(names(picked))}.`;
  }

  function show(slugs) {
    const keep = new Set(slugs);
    for (const row of rows) row.hidden = keep.size > 0 && !keep.has(row.dataset.rwRoute);
    showAll.hidden = keep.size === 0;
  }

  function apply(picked, { focus }) {
    show(picked.map((box) => box.value));
    history.replaceState(history.state, "", `${location.pathname}${location.search}${PREFIX}${picked.map((b) => b.value).join(",")}`);
    status.textContent = `U vergelijkt ${sentence(names(picked))}.`;
    if (focus && top) {
      top.focus({ preventScroll: true });
      top.scrollIntoView({ block: "start" });
    }
  }

  form.addEventListener("change", (event) => {
    if (event.target.matches("input[type=checkbox]")) count();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const picked = chosen();
    if (picked.length < MIN || picked.length > MAX) {
      status.textContent = picked.length < MIN
        ? `Kies ten minste ${MIN} routes om te vergelijken.`
        : `U hebt ${picked.length} routes gekozen; kies er hooguit ${MAX}.`;
      return;
    }
    apply(picked, { focus: true });
  });
  showAll.addEventListener("click", () => {
    for (const box of boxes) box.checked = false;
    show([]);
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
    status.textContent = "Alle routes staan weer op de pagina.";
    boxes[0]?.focus();
  });

  const wanted = fromHash().filter((slug) => known.has(slug));
  if (wanted.length >= MIN && wanted.length <= MAX) {
    for (const box of boxes) box.checked = wanted.includes(box.value);
    apply(chosen(), { focus: false });
  } else {
    count();
  }
}

function setUp() {
  for (const form of document.querySelectorAll("form[data-rw-compare]")) {
    if (form.dataset.rwReady === "1") continue;
    form.dataset.rwReady = "1";
    setUpPicker(form);
  }
}

if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
  window.document$.subscribe(() => setUp());
} else {
  setUp();
}
