// The embed snippet on a route's publisher page names the embed page by a relative address;
// a host site needs the absolute one, which only the browser knows (the site may live under
// any address). Runs again after Material's instant navigation swaps the page.

function fillEmbedCode() {
  for (const code of document.querySelectorAll("[data-rw-embed-code]")) {
    if (code.dataset.rwReady === "1") continue;
    code.dataset.rwReady = "1";
    const relative = code.dataset.embedPath;
    const absolute = new URL(relative, location.href).href;
    code.textContent = code.textContent.replace(`src="${relative}"`, `src="${absolute}"`);
  }
}

if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
  window.document$.subscribe(() => fillEmbedCode());
} else {
  fillEmbedCode();
}
