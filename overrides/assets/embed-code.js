// The embed snippet on a route's publisher page names the embed page by a relative address;
// a host site needs the absolute one, which only the browser knows (the site may live under
// any address). Runs again after Material's instant navigation swaps the page.

/** The address as it must stand inside a double-quoted attribute of the pasted HTML. */
function attributeText(value) {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function fillEmbedCode() {
  for (const code of document.querySelectorAll("[data-rw-embed-code]")) {
    if (code.dataset.rwReady === "1") continue;
    code.dataset.rwReady = "1";
    const relative = code.dataset.embedPath;
    const absolute = attributeText(new URL(relative, location.href).href);
    // A function as replacement: in a replacement string, '$&' or "$'" from the address
    // (a folder may be called so) would be read as patterns.
    code.textContent = code.textContent.replace(`src="${attributeText(relative)}"`, () => `src="${absolute}"`);
  }
}

if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
  window.document$.subscribe(() => fillEmbedCode());
} else {
  fillEmbedCode();
}
