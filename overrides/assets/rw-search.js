// Search per route, loaded on demand (issue 14). Loaded by overrides/main.html just before
// Material's bundle (a classic script, not a module: the bundle reads its configuration and
// starts search once, at load, so this must run first).
//
// 1. On a route's pages `data-rw-search-base` is the route folder: Material then fetches that
//    route's search index and sitemap (generator/search_scope.py) instead of the whole site's.
// 2. Material fetches the index and starts its search worker (worker script, lunr, Dutch
//    stemmer) on every page at load, although most readers never search. Both wait here until
//    the reader moves to the search field (focus, the search button, a shortcut key), or the
//    address carries a search term to highlight (?h=). Nothing leaves the browser either way.
(() => {
  const script = document.currentScript;
  const config = document.getElementById("__config");
  if (!config) return;
  const data = JSON.parse(config.textContent);
  if (script.dataset.rwSearchBase) {
    data.base = script.dataset.rwSearchBase;
    config.textContent = JSON.stringify(data);
    // Say so in the field: a reader should not expect results from other routes here.
    const field = document.querySelector("[data-md-component=search-query]");
    if (field && script.dataset.rwSearchLabel) {
      field.placeholder = script.dataset.rwSearchLabel;
      field.setAttribute("aria-label", script.dataset.rwSearchLabel);
    }
  }

  let started = false;
  const waiting = [];
  const start = () => {
    if (started) return;
    started = true;
    for (const go of waiting.splice(0)) go();
  };
  const later = (go) => (started ? go() : waiting.push(go));
  if (new URLSearchParams(location.search).has("h")) started = true;
  const isSearchField = (el) => el instanceof Element && el.matches("[data-md-component=search-query]");
  document.addEventListener("focusin", (event) => { if (isSearchField(event.target)) start(); });
  document.addEventListener("change", (event) => { if (event.target.id === "__search") start(); });
  document.addEventListener("pointerdown", (event) => {
    if (event.target instanceof Element && event.target.closest("label[for=__search], .md-search")) start();
  });

  // The index request: Material uses XMLHttpRequest; hold back `send` for that one URL.
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.rwSearchIndex = String(url).endsWith("search/search_index.json");
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.rwSearchIndex) return send.apply(this, args);
    later(() => send.apply(this, args));
  };

  // The worker: created at load by Material; a stand-in creates the real one when needed.
  const RealWorker = window.Worker;
  const workerUrl = new URL(data.search, location.href).href;
  class OnDemandWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.queue = [];
      later(() => {
        this.real = new RealWorker(url, options);
        for (const type of ["message", "messageerror", "error"]) {
          this.real.addEventListener(type, (event) => this.dispatchEvent(new event.constructor(type, event)));
        }
        for (const message of this.queue.splice(0)) this.real.postMessage(message);
      });
    }
    postMessage(message) {
      if (this.real) this.real.postMessage(message);
      else this.queue.push(message);
    }
    terminate() {
      if (this.real) this.real.terminate();
    }
  }
  window.Worker = function (url, options) {
    if (new URL(url, location.href).href === workerUrl) return new OnDemandWorker(url, options);
    return new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;
})();
