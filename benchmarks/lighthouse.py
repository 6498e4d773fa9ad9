"""Lighthouse (npm, mobile preset) over one page of every page type of a built site, served gzipped.

Not part of the test suite: it needs npm's `lighthouse` and takes about 15 s per page for
accessibility alone and about a minute per page with performance on a busy 2-core machine.
It builds nothing: give it a site that `mkdocs build` wrote. From the repository root:

    npm ci --prefix benchmarks                               # once: Lighthouse, pinned in package-lock.json
    .venv/bin/mkdocs build --strict -d /tmp/site
    .venv/bin/python benchmarks/lighthouse.py /tmp/site --categories accessibility
    .venv/bin/python benchmarks/lighthouse.py /tmp/site --pages stap ouders wegwijzer --json /tmp/lh.json
    .venv/bin/python benchmarks/lighthouse.py /tmp/site --categories performance --runs 3 --reports /tmp/lhr

Lighthouse runs with its defaults: mobile form factor, simulated throttling (slow 4G, 4 x CPU
slowdown), light colour scheme. The site is served by benchmarks/gzserve.py (gzip level 6, as a
real host would), so transfer sizes are what a phone downloads. Each page gets its own Chromium
(Lighthouse launches one per run, cold cache). The load average is printed before and after,
because performance figures on a shared machine say little without it.

For every page below 100 in accessibility the failing audits are listed with the first elements
Lighthouse names, so the owner of the page type can fix them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gzserve import gzip_server  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox"
CATEGORIES = ("accessibility", "performance", "best-practices", "seo")


@dataclass
class PageResult:
    """Scores (0–100) and metrics of one page type; lists of the audits that did not pass."""

    name: str
    path: str
    scores: dict[str, int | None] = field(default_factory=dict)
    lcp_ms: float | None = None
    tbt_ms: float | None = None
    cls: float | None = None
    fcp_ms: float | None = None
    failing: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    other_hosts: list[str] = field(default_factory=list)
    error: str | None = None


def page_types(site: Path, route: str, step: str | None) -> list[tuple[str, str]]:
    """(name, site-relative path) for one page of every page type, checked to exist in `site`.

    The step page is the route's `step` or else its first step folder in name order; the other
    page types have fixed folders (generator/ writes them for every route).
    """
    base = f"{route}/"
    steps_dir = site / route / "stappen"
    if step is None:
        steps = sorted(p.name for p in steps_dir.iterdir() if (p / "index.html").is_file()) if steps_dir.is_dir() else []
        if not steps:
            raise SystemExit(f"Fout: geen stappen in {steps_dir}. Kies een route met --route.")
        step = steps[0]
    pages = [
        ("home", ""),
        ("kies (ingang)", "kies/ouder/"),
        ("route-overzicht", base),
        ("stap", f"{base}stappen/{step}/"),
        ("wie doet wat", f"{base}wie-doet-wat/"),
        ("documenten", f"{base}documenten/"),
        ("voor ouders", f"{base}voor-ouders/"),
        ("wegwijzer", f"{base}wegwijzer/"),
        ("wegwijzer paden", f"{base}wegwijzer/paden/"),
        ("wegwijzer embed", f"{base}wegwijzer/embed/"),
        ("afdrukken", f"{base}afdrukken/"),
        ("publiceren", f"{base}publiceren/"),
        ("begrippen", "begrippen/"),
        ("vergelijken", "vergelijken/"),
        ("404", "404.html"),
    ]
    missing = [path or "index.html" for _, path in pages
               if not (site / path).is_file() and not (site / path / "index.html").is_file()]
    if missing:
        raise SystemExit(f"Fout: deze pagina's ontbreken in {site}: {', '.join(missing)}. "
                         "Bouw de site eerst (mkdocs build) of kies een andere --route.")
    return pages


def run_lighthouse(url: str, categories: list[str], lighthouse: Path) -> dict[str, Any]:
    """One Lighthouse run (defaults: mobile, simulated throttling); returns its JSON report (LHR)."""
    with tempfile.TemporaryDirectory(prefix="rw-lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [str(lighthouse), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(categories)}",
               "--skip-audits=full-page-screenshot"]
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise RuntimeError(f"lighthouse stopte met code {proc.returncode}: {' | '.join(tail)}")
        return json.loads(out.read_text(encoding="utf-8"))


def _failing_audits(lhr: dict[str, Any], category: str) -> list[dict[str, Any]]:
    """Audits of `category` that count towards its score and did not pass, with a few elements."""
    found = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"].get(ref["id"], {})
        if ref.get("weight", 0) == 0 or audit.get("score") in (None, 1):
            continue
        items = (audit.get("details") or {}).get("items") or []
        nodes = []
        for item in items[:5]:
            node = item.get("node") or {}
            nodes.append(node.get("selector") or node.get("snippet") or item.get("url") or "")
        found.append({"id": ref["id"], "title": audit.get("title", ""), "score": audit.get("score"),
                      "weight": ref["weight"], "items": len(items), "nodes": nodes,
                      "display": audit.get("displayValue", "")})
    return found


def _other_hosts(lhr: dict[str, Any], base: str) -> list[str]:
    """Requests to any host but the local server (from the network-requests audit, if it ran)."""
    items = ((lhr["audits"].get("network-requests") or {}).get("details") or {}).get("items") or []
    return sorted({item["url"] for item in items
                   if not item["url"].startswith(base) and not item["url"].startswith("data:")})


def measure(site: Path, pages: list[tuple[str, str]], categories: list[str], lighthouse: Path,
            runs: int, reports_dir: Path | None = None) -> list[PageResult]:
    """Serve `site` gzipped and run Lighthouse `runs` times per page; the median run counts.

    With `reports_dir`, each median report (Lighthouse's full JSON) is kept there as
    `<page type>.json`, for the audits' details (open it in Lighthouse's viewer or read it).
    """
    results = []
    with gzip_server(site) as (base, _log):
        for name, path in pages:
            result = PageResult(name=name, path="/" + path)
            url = f"{base}/{path}"
            try:
                reports = [run_lighthouse(url, categories, lighthouse) for _ in range(runs)]
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                result.error = str(exc)
                results.append(result)
                print(f"  {name}: {result.error}", file=sys.stderr)
                continue
            # The median by the first category's score (performance when asked for), so the
            # metrics shown belong to one real run, not a mix of runs.
            key = "performance" if "performance" in categories else categories[0]
            reports.sort(key=lambda r: r["categories"][key]["score"] or 0)
            lhr = reports[len(reports) // 2]
            if reports_dir is not None:
                reports_dir.mkdir(parents=True, exist_ok=True)
                (reports_dir / f"{name.replace(' ', '-')}.json").write_text(json.dumps(lhr), encoding="utf-8")
            for cat in categories:
                score = lhr["categories"][cat]["score"]
                result.scores[cat] = None if score is None else round(score * 100)
                failing = _failing_audits(lhr, cat)
                if failing:
                    result.failing[cat] = failing
            audits = lhr["audits"]
            if "performance" in categories:
                result.lcp_ms = audits["largest-contentful-paint"].get("numericValue")
                result.tbt_ms = audits["total-blocking-time"].get("numericValue")
                result.cls = audits["cumulative-layout-shift"].get("numericValue")
                result.fcp_ms = audits["first-contentful-paint"].get("numericValue")
                result.other_hosts = _other_hosts(lhr, base)
            if runs > 1 and "performance" in categories:
                perf = [round((r["categories"]["performance"]["score"] or 0) * 100) for r in reports]
                print(f"  {name}: performance per run {perf} (mediaan {statistics.median(perf)})", file=sys.stderr)
            results.append(result)
            print(f"  {name}: {result.scores}", file=sys.stderr)
    return results


def _fmt(value: float | None, scale: float = 1.0, digits: int = 0, unit: str = "") -> str:
    return "–" if value is None else f"{value / scale:.{digits}f}{unit}"


def table(results: list[PageResult], categories: list[str]) -> str:
    """Markdown table: one row per page type; failing audits listed below it."""
    short = {"accessibility": "a11y", "performance": "perf", "best-practices": "bp", "seo": "seo"}
    head = ["pagina", "pad"] + [short[c] for c in categories]
    if "performance" in categories:
        head += ["LCP", "TBT", "CLS", "FCP"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        if r.error:
            lines.append(f"| {r.name} | {r.path} | fout: {r.error} |")
            continue
        row = [r.name, r.path] + [_fmt(r.scores.get(c)) for c in categories]
        if "performance" in categories:
            row += [_fmt(r.lcp_ms, 1000, 2, " s"), _fmt(r.tbt_ms, 1, 0, " ms"), _fmt(r.cls, 1, 3),
                    _fmt(r.fcp_ms, 1000, 2, " s")]
        lines.append("| " + " | ".join(row) + " |")
    notes = []
    for r in results:
        for cat, audits in r.failing.items():
            if cat not in ("accessibility", "best-practices", "seo"):
                continue
            for a in audits:
                nodes = "; ".join(n for n in a["nodes"] if n)
                notes.append(f"- {r.name} ({cat}): {a['id']} — {a['title']} ({a['items']}×){': ' + nodes if nodes else ''}")
        if r.other_hosts:
            notes.append(f"- {r.name}: verzoeken naar andere hosts: {', '.join(r.other_hosts)}")
    return "\n".join(lines + ([""] + notes if notes else []))


def lighthouse_version(lighthouse: Path) -> str:
    proc = subprocess.run([str(lighthouse), "--version"], capture_output=True, text=True)
    return proc.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="map met de gebouwde site (mkdocs build)")
    parser.add_argument("--route", default="de-springschans", help="route-map voor de routepagina's")
    parser.add_argument("--step", help="map van de stappagina (standaard: de eerste stap)")
    parser.add_argument("--categories", nargs="+", default=["accessibility", "performance"], choices=CATEGORIES)
    parser.add_argument("--pages", nargs="+", metavar="NAAM",
                        help="alleen paginatypen waarvan de naam dit bevat (bijv. stap ouders wegwijzer)")
    parser.add_argument("--runs", type=int, default=1, help="runs per pagina; de mediaan telt")
    parser.add_argument("--json", type=Path, help="schrijf de uitkomst ook als JSON")
    parser.add_argument("--reports", type=Path, metavar="MAP", help="bewaar Lighthouse's volledige rapporten (JSON) hier")
    parser.add_argument("--lighthouse", type=Path, default=LIGHTHOUSE, help="pad naar lighthouse (npm)")
    args = parser.parse_args()

    if not args.lighthouse.exists():
        raise SystemExit(f"Fout: {args.lighthouse} ontbreekt. Installeer met: npm ci --prefix benchmarks")
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"Fout: {args.site} is geen gebouwde site (geen index.html). Bouw eerst: mkdocs build -d {args.site}")
    pages = page_types(args.site, args.route, args.step)
    if args.pages:
        pages = [p for p in pages if any(word.lower() in p[0] for word in args.pages)]
        if not pages:
            raise SystemExit("Fout: --pages koos geen enkel paginatype.")

    version = lighthouse_version(args.lighthouse)
    load_before = os.getloadavg()
    started = time.time()
    print(f"Lighthouse {version}, {len(pages)} pagina's, {', '.join(args.categories)}; "
          f"load average {load_before[0]:.1f} {load_before[1]:.1f} {load_before[2]:.1f}", file=sys.stderr)
    results = measure(args.site, pages, args.categories, args.lighthouse, args.runs, args.reports)
    load_after = os.getloadavg()
    print(table(results, args.categories))
    print(f"\nLighthouse {version} (mobiel, gesimuleerde throttling), {args.runs} run(s) per pagina, "
          f"{time.time() - started:.0f} s; load average voor {load_before[0]:.1f}, na {load_after[0]:.1f} "
          f"(1 min), {os.cpu_count()} cores.")
    if args.json:
        args.json.write_text(json.dumps({
            "lighthouse": version, "categories": args.categories, "runs": args.runs,
            "route": args.route, "date": time.strftime("%Y-%m-%d %H:%M:%S"),
            "loadavg_before": load_before, "loadavg_after": load_after,
            "pages": [asdict(r) for r in results],
        }, indent=2, ensure_ascii=False), encoding="utf-8")
    if any(r.error for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
