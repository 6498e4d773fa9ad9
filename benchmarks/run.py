"""Build time, plugin overhead, page weight and wegwijzer speed, measured in one run.

Not part of the test suite (it takes minutes). From the repository root:

    .venv/bin/python benchmarks/run.py            # all measurements, Markdown table on stdout
    .venv/bin/python benchmarks/run.py --sizes 5 50 --skip-browser

Targets (see BENCHMARKS.md): 150 routes < 60 s on 2 cores; 150 ≤ 3.3 × the time of 50;
the plugin adds ≤ 15 % over plain MkDocs building the same pages; wegwijzer JS + data
≤ 30 KB gzipped per route; a suggestion within 50 ms of submitting a description.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synth import write_routes  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def config_text(routes_dir: Path | None = None, docs_dir: Path | None = None, nav: Any = None) -> str:
    """mkdocs.yml with the routes folder changed, or (plain) without the routewijzer plugin."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^watch:\n(\s+-.*\n?)+", "", text)
    if routes_dir is not None:
        text = re.sub(r"(-\s*routewijzer:\s*\n(?:\s+\w+:.*\n)*?\s+routes:\s*)\S+", lambda m: m.group(1) + str(routes_dir), text)
    if docs_dir is not None:
        text = re.sub(r"(?m)^  - routewijzer:\s*\n(    .*\n)*", "", text)
        text = re.sub(r"(?m)^docs_dir:.*$", f"docs_dir: {docs_dir}", text)
        text += "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    return text


def build(config_body: str, site: Path) -> float:
    """Seconds for one `mkdocs build` with this config (written beside mkdocs.yml)."""
    config = ROOT / f".mkdocs-bench-{os.getpid()}.yml"
    config.write_text(config_body, encoding="utf-8")
    try:
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                                cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    finally:
        config.unlink(missing_ok=True)
    if result.returncode != 0:
        raise SystemExit(f"build faalde:\n{result.stderr[-3000:]}")
    return elapsed


def export_static(routes_dir: Path, docs: Path) -> Any:
    """The plugin's pages written as ordinary files, plus its navigation (for a plain build)."""
    from generator.load import load_routes
    from generator.nav import build_nav
    from generator.pages import render_site
    from generator.context import SiteContext
    from generator.pages.home import fill_home

    routes, problems = load_routes([routes_dir])
    assert not problems, problems
    context = SiteContext(routes=tuple(routes))
    pages = render_site(context)
    shutil.copytree(ROOT / "content", docs)
    home = docs / context.layout.home
    home.write_text(fill_home(home.read_text(encoding="utf-8"), context, context.layout.home), encoding="utf-8")
    for page in pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    return [{"Home": "index.md"}] + build_nav(pages, context)


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB, the largest single process of the command's tree) and CPU
    seconds (user + system, the command and all its child processes) of a command.

    CPU seconds are the figure to compare on a shared, overloaded machine: wall time there
    mostly measures the other sessions."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} faalde:\n{proc.stderr.read().decode()[-3000:] if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def measure_scale(n: int, work: Path) -> dict[str, Any]:
    """One run, side by side: plain MkDocs + Material on the exported pages, the plugin in one
    `mkdocs build`, the split build cold and warm, the edit loop, and cold page weight."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764547200"}
    routes = work / f"routes-{n}"
    write_routes(n, routes)
    docs = work / f"docs-{n}"
    nav = export_static(routes, docs)
    out: dict[str, Any] = {"routes": n, "load_before": os.getloadavg()[0]}
    config = ROOT / f".mkdocs-bench-{os.getpid()}.yml"
    plain_config = ROOT / f".mkdocs-bench-plain-{os.getpid()}.yml"
    config.write_text(config_text(routes_dir=routes), encoding="utf-8")
    plain_config.write_text(config_text(docs_dir=docs, nav=nav), encoding="utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    split = [sys.executable, "-m", "generator", "build", "-f", str(config), "--cache", str(work / f"cache-{n}")]
    try:
        steps = [("plain", mkdocs + ["-f", str(plain_config), "-d", str(work / f"plain-{n}")]),
                 ("one_go", mkdocs + ["-f", str(config), "-d", str(work / f"one-go-{n}")]),
                 ("split_cold", split + ["-d", str(work / f"split-{n}")]),
                 ("split_warm", split + ["-d", str(work / f"split-{n}")])]
        for name, cmd in steps:
            seconds, rss, cpu = timed(cmd, env)
            out[name] = {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "peak_rss_mb": round(rss),
                         "load": round(os.getloadavg()[0], 1)}
            print(f"  {n} routes, {name}: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB, "
                  f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
        out["pages"] = sum(1 for _ in (work / f"split-{n}").rglob("*.html"))
        for name in ("one_go", "split_cold", "split_warm"):
            out[f"{name}_vs_plain"] = {k: round(out[name][k] / out["plain"][k], 3) for k in ("seconds", "cpu_seconds")}
        out["edit_loop"] = measure_edit_loop(config, work / f"split-{n}", routes, work / f"cache-{n}")
        out["cold_weight"] = measure_cold(work / f"split-{n}", step_paths(work / f"split-{n}"))
    finally:
        config.unlink(missing_ok=True)
        plain_config.unlink(missing_ok=True)
    out["load_after"] = os.getloadavg()[0]
    return out


def measure_edit_loop(config: Path, site: Path, routes: Path, cache: Path) -> dict[str, Any]:
    """Save one route file with a changed step title; seconds until the built page shows it.

    Measured in this (long-running) process, as `routewijzer serve` runs it: imports are done."""
    from generator.split_build import rebuild_routes

    files = sorted(routes.glob("*.yaml"))
    target = files[len(files) // 2]
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    marker = f"Gewijzigd {time.time_ns()}"
    data["stappen"][0]["titel"] = marker
    start = time.perf_counter()
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    rebuild_routes(config, site, {target.stem}, cache)
    seconds = time.perf_counter() - start
    page = site / target.stem / "stappen" / data["stappen"][0]["id"] / "index.html"
    shown = marker in page.read_text(encoding="utf-8")
    print(f"  edit loop: {seconds:.1f} s, change visible: {shown}", file=sys.stderr)
    return {"route": target.stem, "seconds": round(seconds, 1), "visible": shown}


def measure_builds(sizes: list[int], work: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"builds": {}}
    for n in sizes:
        routes = work / f"routes-{n}"
        write_routes(n, routes)
        seconds = build(config_text(routes_dir=routes), work / f"site-{n}")
        pages = sum(1 for _ in (work / f"site-{n}").rglob("*.html"))
        out["builds"][n] = {"seconds": round(seconds, 1), "pages": pages}
        print(f"  {n} routes: {seconds:.1f} s, {pages} pages", file=sys.stderr)
    ref = 50 if 50 in sizes else sizes[len(sizes) // 2]
    routes = work / f"routes-{ref}"
    docs = work / f"docs-{ref}"
    nav = export_static(routes, docs)
    plain = build(config_text(docs_dir=docs, nav=nav), work / f"plain-{ref}")
    plugin = build(config_text(routes_dir=routes), work / f"site-{ref}-again")
    out["overhead"] = {"routes": ref, "plain_seconds": round(plain, 1), "plugin_seconds": round(plugin, 1),
                       "ratio": round(plugin / plain, 3)}
    print(f"  plain {plain:.1f} s vs plugin {plugin:.1f} s", file=sys.stderr)
    return out


PAGE_TYPES = [
    ("wegwijzer-embed", r"/wegwijzer/embed/$"), ("wegwijzer-paden", r"/wegwijzer/paden/$"),
    ("wegwijzer", r"/wegwijzer/$"), ("stap", r"/stappen/[^/]+/$"), ("wie-doet-wat", r"/wie-doet-wat/$"),
    ("documenten", r"/documenten/$"), ("voor-ouders", r"/voor-ouders/$"), ("afdrukken", r"/afdrukken/$"),
    ("vergelijken", r"^/vergelijken/$"), ("begrippen", r"^/begrippen/$"), ("home", r"^/$"),
    ("overzicht", r"^/[^/]+/$"),
]


def page_type(path: str) -> str:
    return next((name for name, pattern in PAGE_TYPES if re.search(pattern, path)), "overig")


def measure_browser(site: Path, routes_dir: Path) -> dict[str, Any]:
    """Page weight per page type (all same-host responses, gzipped) and suggestion latency."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    weights: dict[str, list[int]] = {}
    wegwijzer: dict[str, Any] = {}
    latencies: list[float] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        loaded: list[str] = []
        page.on("response", lambda r: loaded.append(r.url) if r.url.startswith(base) and r.status == 200 else None)
        for html in sorted(site.rglob("*.html")):
            rel = "/" + html.relative_to(site).as_posix()
            path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
            if path == "/404.html":
                continue
            loaded.clear()
            page.goto(base + path, wait_until="networkidle")
            files = {site / u[len(base) + 1:].split("?")[0].split("#")[0] for u in loaded}
            files = {f / "index.html" if f.is_dir() else f for f in files}
            total = sum(gz(f.read_bytes()) for f in files if f.is_file())
            weights.setdefault(page_type(path), []).append(total)
            if page_type(path) == "wegwijzer":
                body = html.read_text(encoding="utf-8")
                data = b"".join(m.encode() for m in re.findall(r'<script type="application/json">(.*?)</script>', body, re.S))
                scripts = [f for f in files if f.suffix in (".js", ".mjs") and "wegwijzer" in f.name]
                slug = path.strip("/").split("/")[0]
                wegwijzer[slug] = {"js": sum(gz(f.read_bytes()) for f in scripts), "data": gz(data)}
                latencies += suggestion_latencies(page, routes_dir / f"{slug}.yaml")
        browser.close()
    server.shutdown()
    return {"weights": {k: {"pages": len(v), "median_kb": round(statistics.median(v) / 1000, 1),
                            "max_kb": round(max(v) / 1000, 1)} for k, v in sorted(weights.items())},
            "wegwijzer": wegwijzer,
            "latency_ms": ({"runs": len(latencies), "median": round(statistics.median(latencies), 1),
                            "p95": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 1)} if latencies else None)}


def cold_load(browser: Any, base: str, log: list[tuple[str, int]], path: str) -> dict[str, Any]:
    """First visit with an empty cache: gzipped bytes of everything fetched until the network is idle.

    Two counts that should agree: what the gzip server sent (bodies, including the search
    worker's own requests) and what Chromium's DevTools protocol reports received
    (`Network.loadingFinished.encodedDataLength`, headers included)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    received: dict[str, float] = {}
    urls: dict[str, str] = {}
    cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    log.clear()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    served = list(log)
    context.close()
    by_kind: dict[str, int] = {}
    for p, size in served:
        kind = ("index" if p.endswith("search_index.json") else "sitemap" if p.endswith("sitemap.xml")
                else Path(p).suffix.lstrip(".") or "html")
        by_kind[kind] = by_kind.get(kind, 0) + size
    return {"path": path, "server_gzip_bytes": sum(s for _, s in served), "cdp_bytes": int(sum(received.values())),
            "requests": len(served), "by_kind": by_kind, "files": [p for p, _ in served]}


def measure_cold(site: Path, paths: list[str]) -> list[dict[str, Any]]:
    """Cold first load of each path (served gzipped by benchmarks/gzserve.py), in one Chromium."""
    from playwright.sync_api import sync_playwright

    from gzserve import gzip_server

    out = []
    with gzip_server(site) as (base, log), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        for path in paths:
            out.append(cold_load(browser, base, log, path))
        browser.close()
    return out


def step_paths(site: Path, count: int = 3) -> list[str]:
    """A step page of the first, middle and last route, the parents' page and the wegwijzer of the first."""
    routes = [p.parent.parent.parent.name for p in site.glob("*/stappen/*/index.html")]
    slugs = sorted(set(routes))
    chosen = [slugs[0], slugs[len(slugs) // 2], slugs[-1]][:count]
    paths = []
    for slug in chosen:
        step = sorted((site / slug / "stappen").iterdir())[0].name
        paths.append(f"/{slug}/stappen/{step}/")
    return paths + [f"/{slugs[0]}/voor-ouders/", f"/{slugs[0]}/wegwijzer/", "/"]


_MEASURE = """async (text) => {
  const form = document.querySelector('[data-rw-form]');
  const target = document.querySelector('[data-rw-suggesties]');
  if (!form || form.hidden || !target) return null;
  form.querySelector('[data-testid=situatie]').value = text;
  target.replaceChildren();
  return await new Promise((resolve) => {
    const t0 = performance.now();
    const watch = new MutationObserver(() => { watch.disconnect(); resolve(performance.now() - t0); });
    watch.observe(target, {childList: true, subtree: true, characterData: true});
    form.requestSubmit();
    setTimeout(() => resolve(null), 2000);
  });
}"""


def suggestion_latencies(page: Any, route_file: Path) -> list[float]:
    """Submit each herkenning phrase of the route (and a few partial ones); time to first suggestion."""
    if not route_file.exists():
        return []
    data = yaml.safe_load(route_file.read_text(encoding="utf-8"))
    phrases = [p for s in data.get("stappen", []) for p in s.get("herkenning", [])]
    phrases += [" ".join(p.split()[:3]) for p in phrases[:10]]
    out = []
    for phrase in phrases[:40]:
        ms = page.evaluate(_MEASURE, phrase)
        if ms is not None:
            out.append(ms)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 150])
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--scale", type=int, metavar="N",
                        help="only the scale run for N synthetic routes: plain vs plugin vs split build, edit loop, weight")
    parser.add_argument("--cold", type=Path, metavar="SITE",
                        help="only measure cold first loads (gzipped) of step pages etc. in this built site")
    args = parser.parse_args()
    if args.scale:
        with tempfile.TemporaryDirectory(prefix="rw-scale-") as folder:
            text = json.dumps(measure_scale(args.scale, Path(folder)), indent=2, ensure_ascii=False)
        print(text)
        if args.json:
            args.json.write_text(text + "\n", encoding="utf-8")
        return
    if args.cold:
        for row in measure_cold(args.cold, step_paths(args.cold)):
            print(f"{row['path']:<48} {row['server_gzip_bytes'] / 1000:7.1f} KB gzip (CDP {row['cdp_bytes'] / 1000:.1f} KB), "
                  f"{row['requests']} requests: " + ", ".join(f"{k} {v / 1000:.1f}" for k, v in sorted(row["by_kind"].items())))
        return
    results: dict[str, Any] = {"cpus": os.cpu_count(), "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="rw-bench-") as folder:
        work = Path(folder)
        print("Builds…", file=sys.stderr)
        results.update(measure_builds(args.sizes, work))
        if not args.skip_browser:
            print("Real site in Chromium…", file=sys.stderr)
            real_site = work / "real-site"
            results["real_build_seconds"] = round(build(config_text(), real_site), 1)
            results["real"] = measure_browser(real_site, ROOT / "routes")
            print("Synthetic site (5 routes) in Chromium…", file=sys.stderr)
            results["synthetic"] = measure_browser(work / f"site-{args.sizes[0]}", work / f"routes-{args.sizes[0]}")
    results["load_after"] = os.getloadavg()[0]
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
