// Fold-out steps on the Voor ouders page (<details class="rw-parent-step">):
// - a link to a step ('#ouders-stap-6') opens it, so one tap shows the step's text;
// - a step opened near the bottom of the screen is scrolled up, so what it says first
//   (your contact, what you decide) is on the screen right after the tap.
// Without JavaScript the links still jump to the step and the reader opens it with one tap more.

const STEPS = "details.rw-parent-step";
const reduceMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  const details = target && target.closest(STEPS);
  if (details && !details.open) {
    details.open = true;
    details.scrollIntoView({ block: "start" });
  }
}

function keepInView(details) {
  if (!details.open) return;
  const box = details.getBoundingClientRect();
  const header = document.querySelector(".md-header");
  const top = header ? header.getBoundingClientRect().bottom : 0;
  if (box.bottom > window.innerHeight || box.top < top) {
    details.scrollIntoView({ block: "start", behavior: reduceMotion() ? "auto" : "smooth" });
  }
}

function setUp() {
  for (const details of document.querySelectorAll(STEPS)) {
    if (details.dataset.rwReady === "1") continue;
    details.dataset.rwReady = "1";
    details.addEventListener("toggle", () => keepInView(details));
  }
  openTarget();
}

window.addEventListener("hashchange", openTarget);
if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
  window.document$.subscribe(() => setUp());
} else {
  setUp();
}
