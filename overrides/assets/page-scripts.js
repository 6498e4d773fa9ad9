// Routewijzer's page scripts after Material's instant navigation.
//
// A page loads only the scripts it needs (generator/page_scripts.py; overrides/main.html
// adds them as modules on a first load). Instant navigation swaps in another page's content
// without loading that page's scripts, so this module, on every page, imports the ones the
// new content names (data-rw-scripts). A module imported before is not run again: it sets up
// new pages itself, through its own document$ listener.

function loadNamedScripts() {
  for (const holder of document.querySelectorAll("[data-rw-scripts]")) {
    for (const name of holder.dataset.rwScripts.split(" ")) {
      if (/^[a-z-]+\.js$/.test(name)) {
        import(new URL(name, import.meta.url).href).catch((error) => console.error(error));
      }
    }
  }
}

if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
  window.document$.subscribe(() => loadNamedScripts());
}
