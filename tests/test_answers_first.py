"""Answers first (issue 12): every page says whose route it is and answers its reader at once.

Static checks run over the session's built site (titles, header, footer, menu); the task
walks and the hover/focus contrast run in headless Chromium against the same build.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.load import load_routes
from generator.model import LoadedRoute

ROOT = Path(__file__).resolve().parent.parent
ROUTES, _ = load_routes([ROOT / "routes"])
BY_SLUG = {r.slug: r for r in ROUTES}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "locale": "nl-NL"}


def route_pages(site: Path, loaded: LoadedRoute) -> list[Path]:
    """Every HTML page of one route, the embed page included."""
    return sorted((site / loaded.slug).rglob("index.html"))


def title_of(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match, "page without <title>"
    return unescape(match.group(1)).strip()


# --- Titles, header, footer, menu (static, over the built site) -------------------------------


@pytest.mark.parametrize("loaded", ROUTES, ids=[r.slug for r in ROUTES])
def test_every_route_page_title_and_header_name_the_route(built_site: Path, loaded: LoadedRoute) -> None:
    name = loaded.route.organisation.display_name
    pages = route_pages(built_site, loaded)
    assert len(pages) >= 6 + len(loaded.route.steps)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        title = title_of(html)
        assert title.endswith(f" · {name} · Routewijzer"), f"{path.relative_to(built_site)}: {title!r}"
        assert not title.startswith(" · "), f"{path}: empty page part in {title!r}"
        header = html.split('class="md-header__topic"', 1)[1].split("</div>", 1)[0]
        assert name in unescape(re.sub(r"<[^>]+>", "", header)), f"{path}: header does not name the route"


def test_step_page_title_is_short_as_in_the_issue(built_site: Path) -> None:
    html = (built_site / "de-springschans" / "stappen" / "fase-2" / "index.html").read_text(encoding="utf-8")
    assert title_of(html) == "Fase 2 · Basisschool De Springschans · Routewijzer"
    assert "(naam niet in het document)" not in title_of(
        (built_site / "stappenplan-rok" / "index.html").read_text(encoding="utf-8"))


def footer_links(html: str) -> list[str]:
    footer = html.split('<footer class="md-footer">', 1)[1]
    return re.findall(r'<a href="([^"]+)" class="md-footer__link', footer)


def test_footer_never_crosses_routes_and_pages_have_one_pair(built_site: Path) -> None:
    seen_footer = 0
    for path in sorted(built_site.rglob("index.html")):
        rel = path.relative_to(built_site).as_posix()
        html = path.read_text(encoding="utf-8")
        if '<footer class="md-footer">' not in html:
            continue
        own_route = rel.split("/", 1)[0] if rel.split("/", 1)[0] in BY_SLUG else ""
        links = footer_links(html)
        seen_footer += bool(links)
        for href in links:
            target = urljoin(f"http://x/{rel[: -len('index.html')]}", href)[len("http://x/"):]
            target_route = target.split("/", 1)[0] if target.split("/", 1)[0] in BY_SLUG else ""
            assert target_route == own_route, f"{rel}: footer link {href} leaves its route"
        pairs = int(bool(links)) + html.count('<nav class="rw-prevnext"')
        assert pairs <= 1, f"{rel}: {pairs} previous/next navigations"
    assert seen_footer > len(ROUTES), "no footer links at all: the guard removed too much"


def test_menu_has_no_section_holding_a_page_of_the_same_name(built_site: Path) -> None:
    # navigation.prune renders only the open section, so look from inside 'Voor de school'.
    html = (built_site / "de-kempen" / "publiceren" / "index.html").read_text(encoding="utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>\n</div>", 1)[0]
    labels = [unescape(re.sub(r"<[^>]+>|\s+", " ", m)).strip()
              for m in re.findall(r'<label class="md-nav__title"[^>]*>(.*?)</label>', nav, re.S)]
    items = [unescape(re.sub(r"<[^>]+>|\s+", " ", m)).strip()
             for m in re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">(.*?)</a>', nav, re.S)]
    assert "Wegwijzer" in items
    assert "Wegwijzer" not in labels, "a section 'Wegwijzer' holds the page 'Wegwijzer'"
    assert "Voor de school: publiceren" in items


def test_publisher_page_holds_embed_paths_pdf_data_and_versions(built_site: Path) -> None:
    for loaded in ROUTES:
        html = (built_site / loaded.slug / "publiceren" / "index.html").read_text(encoding="utf-8")
        for href in ("../afdrukken/", "../route.json", "../../routes.json", "../../schema/route.schema.json"):
            assert f'href="{href}"' in html, f"{loaded.slug}: {href}"
        assert "Versies" in html and f"versie {loaded.route.version}" in html
        if loaded.route.wegwijzer:
            assert 'href="../wegwijzer/paden/"' in html
            assert html.count("data-rw-embed-code") == 1
            aid = (built_site / loaded.slug / "wegwijzer" / "index.html").read_text(encoding="utf-8")
            assert "data-rw-embed-code" not in aid, "the embed snippet moved off the wegwijzer"
            assert 'href="../publiceren/"' in aid
        parents = (built_site / loaded.slug / "voor-ouders" / "index.html").read_text(encoding="utf-8")
        article = parents.split("<article", 1)[1].split("</article>", 1)[0]
        assert "publiceren/" not in article and "data-rw-embed-code" not in article


def test_no_internal_text_on_public_pages(built_site: Path) -> None:
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for internal in ("(naam niet in het document)", "domain.md", "het veld <code>laag</code>", "&amp;#39;"):
            assert internal not in text, f"{path.relative_to(built_site)}: {internal}"


# --- Task walks in Chromium -------------------------------------------------------------------

pytestmark_browser = pytest.mark.browser


def in_view(page: object, locator: object) -> bool:
    """Whether the element is fully on the screen, below the sticky header."""
    box = locator.bounding_box()
    header = page.locator(".md-header").bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= header["y"] + header["height"] - 1 and box["y"] + box["height"] <= height


@pytest.mark.browser
def test_parent_reaches_the_sbo_decision_and_contact_in_three_taps(new_page, site_url: str, recorder) -> None:
    """De Kempen, stap 6 (SBO or SO, TLV): from the home page on a 390 px phone, three taps."""
    loaded = BY_SLUG["de-kempen"]
    step = next(s for s in loaded.route.steps if s.id == "stap-6")
    page = new_page(**PHONE)
    page.goto(site_url)
    taps = 0

    entry = page.locator(".rw-entries").get_by_role("link", name="Ik ben ouder")
    assert in_view(page, entry), "the parents' entry is not on the first phone screen"
    entry.tap()
    taps += 1
    page.wait_for_url("**/kies/ouder/")

    school = page.locator(".rw-choose__list").get_by_role("link", name=re.compile(loaded.route.organisation.display_name))
    school.scroll_into_view_if_needed()  # scrolling is not a tap; with many routes one types instead
    school.tap()
    taps += 1
    page.wait_for_url(f"**/{loaded.slug}/voor-ouders/")
    # The first screen answers the parent: what happens now, what you decide, contact, rights.
    for heading in ("Wat er nu gebeurt", "Wat u beslist", "Uw aanspreekpunt", "Uw rechten en hulp"):
        assert page.get_by_role("heading", name=heading).is_visible(), heading

    to_step = page.locator(f".rw-decisions a[href$='#ouders-{step.id}']")  # instant navigation makes hrefs absolute
    assert in_view(page, to_step), "the link to the SBO step is not on the first screen"
    to_step.tap()
    taps += 1

    details = page.locator(f"details#ouders-{step.id}")
    page.wait_for_function(f"document.getElementById('ouders-{step.id}').open")
    page.wait_for_timeout(600)  # smooth scrolling settles
    heading = details.locator("summary h3")
    assert "speciaal basisonderwijs" in heading.inner_text()
    contact = details.locator(".rw-parent-contact")
    decide = details.locator(".rw-parent-items--beslissen")
    assert in_view(page, heading) and in_view(page, contact), "contact not on the screen after the tap"
    assert "Intern begeleider" in contact.inner_text()
    assert details.get_by_text("Waar u over beslist").is_visible()
    assert in_view(page, decide), "what the parent decides is not on the screen after the tap"
    assert "Instemmen met passende onderwijssetting" in decide.inner_text()
    assert taps <= 3
    assert not recorder.external_requests and not recorder.page_errors


@pytest.mark.browser
def test_parent_opens_a_step_by_tapping_its_heading(new_page, site_url: str, recorder) -> None:
    """Tapping a folded step low on the screen opens it and brings its first lines into view."""
    page = new_page(**PHONE)
    page.goto(f"{site_url}de-kempen/voor-ouders/")
    summary = page.locator("details#ouders-stap-6 > summary")
    summary.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -window.innerHeight + 120)")  # the heading near the bottom edge
    summary.tap()
    page.wait_for_timeout(800)
    assert page.locator("details#ouders-stap-6").evaluate("d => d.open")
    assert in_view(page, page.locator("details#ouders-stap-6 .rw-parent-contact"))
    assert not recorder.page_errors


@pytest.mark.browser
def test_home_filter_finds_a_route_by_school_name(new_page, site_url: str, recorder) -> None:
    page = new_page(**PHONE)
    page.goto(f"{site_url}kies/leerkracht/")
    box = page.get_by_label("Zoek uw school of samenwerkingsverband")
    box.fill("springschans")
    visible = page.locator(".rw-choose__list > li:visible")
    assert visible.count() == 1 and "De Springschans" in visible.inner_text()
    box.fill("zzz-bestaat-niet")
    assert page.locator(".rw-choose__list > li:visible").count() == 0
    assert page.get_by_text("Geen route gevonden").is_visible()
    assert "zzz" not in page.url
    assert not recorder.external_requests and not recorder.page_errors


@pytest.mark.browser
def test_without_javascript_the_choose_pages_list_every_route(new_page, site_url: str) -> None:
    page = new_page(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page.goto(f"{site_url}kies/ouder/")
    assert page.locator(".rw-choose__list > li").count() == len(ROUTES)
    assert not page.locator("[data-rw-filter]").is_visible()


@pytest.mark.browser
def test_step_page_answers_first_on_the_phone(new_page, site_url: str, recorder) -> None:
    """De Springschans fase 2: position, what you do, with whom (not yourself), then the rest."""
    page = new_page(**PHONE)
    page.goto(f"{site_url}de-springschans/stappen/fase-2/")
    assert page.locator(".rw-position__count").inner_text() == "Fase 2 van 6"
    assert in_view(page, page.get_by_role("heading", name="Wat u nu doet"))
    partners = page.locator(".rw-partners").inner_text()
    assert "Leerteam" in partners and "Leerkracht" not in partners
    stepnav = page.locator("nav.rw-stepnav")
    assert stepnav.is_visible()
    assert stepnav.locator("li").count() == 6
    assert stepnav.locator("[aria-current=step]").inner_text().startswith("Fase 2")
    assert page.locator(".rw-answers--vastleggen input[type=checkbox]").count() >= 1
    assert not recorder.page_errors


@pytest.mark.browser
def test_search_dialog_has_an_accessible_name(page, site_url: str) -> None:
    page.goto(site_url)
    dialog = page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label") == "Zoeken"


# --- Step pages: the same sentence once ---------------------------------------------------------

_SKIP = re.compile(r"<(script|style|template|nav|a|h[1-6]|legend)\b.*?</\1>|<span class=\"rw-sr\">.*?</span>"
                   r"|<span class=\"rw-condition\">.*?</span>|<div class=\"rw-block[^\"]*\">.*?</div>"
                   r"|<details class=\"rw-cite[^\"]*\">.*?</details>", re.S)


def page_sentences(html: str) -> list[str]:
    """Sentences a reader sees in the article, leaving out names (links, headings, the step list),
    screen-reader labels, arrow conditions (each arrow states its own), source lists kept whole and
    the folded 'bron' quotes (each claim carries its own citation, even when two cite one sentence)."""
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    article = _SKIP.sub(" ", article)
    article = re.sub(r"<(li|p|td|th|dd|dt|summary|label|div|br)\b[^>]*>", "\n", article)
    text = unescape(re.sub(r"<[^>]+>", "", article))
    found = []
    for block in text.split("\n"):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9“\"(])", block):  # not after 'm.b.t.'
            sentence = " ".join(sentence.split())
            if len(sentence) >= 30:
                found.append(sentence.casefold().rstrip("."))
    return found


def test_a_step_page_says_each_sentence_once(built_site: Path) -> None:
    """Issue 12: the same sentence once per page, not four times (source text repeats a lot)."""
    repeated: dict[str, list[str]] = {}
    pages = sorted(built_site.glob("*/stappen/*/index.html"))
    assert len(pages) == sum(len(r.route.steps) for r in ROUTES)
    for path in pages:
        sentences = page_sentences(path.read_text(encoding="utf-8"))
        twice = sorted({s for s in sentences if sentences.count(s) > 1})
        if twice:
            repeated[path.relative_to(built_site).as_posix()] = twice
    assert not repeated, repeated


# --- Contrast of every control in every state ----------------------------------------------------

STATE_CONTRAST = """el => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const paint = (colours) => {
    ctx.clearRect(0, 0, 1, 1);
    for (const c of colours) { ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
    return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
  };
  const lum = rgb => { const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                       return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  // Text that is not shown in this state (opacity 0, e.g. a heading anchor at rest) has no contrast to keep.
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
  if (opacity < 0.05) return 99;
  // The background as painted: every ancestor's background colour, from the page down.
  const chain = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) chain.unshift(getComputedStyle(node).backgroundColor);
  const bg = paint(["#fff", ...chain]);
  const fg = paint(["#fff", ...chain, getComputedStyle(el).color]);
  const a = lum(fg), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""

CONTROLS = """() => {
  const seen = new Set(), out = [];
  const all = document.querySelectorAll("a[href], button, summary, input:not([type=checkbox]):not([type=radio]), label.md-nav__link, .md-button");
  all.forEach((el, i) => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === "hidden" || !el.textContent.trim()) return;
    if (el.closest("[hidden], .md-search, .md-sidebar--secondary")) return;
    const sig = [el.tagName, el.className, el.parentElement && el.parentElement.className].join("|");
    if (seen.has(sig)) return;
    seen.add(sig);
    el.setAttribute("data-rw-probe", String(out.length));
    out.push(sig.slice(0, 90));
  });
  return out;
}"""

PAGE_TYPES = ["", "kies/ouder/", "de-springschans/", "de-springschans/stappen/fase-2/", "de-kempen/voor-ouders/",
              "de-kempen/wie-doet-wat/", "de-kempen/documenten/", "de-kempen/publiceren/", "vergelijken/",
              "begrippen/"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGE_TYPES, ids=[p or "home" for p in PAGE_TYPES])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_keeps_text_contrast_on_hover_and_focus(new_page, site_url: str, scheme: str,
                                                              path: str) -> None:
    """axe does not hover: measure each kind of control at rest, focused and hovered (≥ 4.5:1).

    One test per page type and scheme, so xdist workers share the walk.
    """
    page = new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    # Chromium's DevTools protocol forces :hover and :focus exactly as a pointer or keyboard
    # would set them (on the control and, for hover, on its ancestors too), fast enough to
    # check every kind of control on every page type.
    cdp = page.context.new_cdp_session(page)
    low: list[str] = []
    measured = 0
    page.goto(site_url + path)
    # Measure each state's final colours, not Material's .25s colour transitions half-way.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    probes = page.evaluate(CONTROLS)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    for index, sig in enumerate(probes):
        control = page.locator(f"[data-rw-probe='{index}']")
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f"[data-rw-probe='{index}']"})["nodeId"]
        chain = [node]
        while True:
            parent = cdp.send("DOM.describeNode", {"nodeId": chain[-1]})["node"].get("parentId")
            if not parent or parent == root:
                break
            chain.append(parent)
        states = {"rust": control.evaluate(STATE_CONTRAST)}
        cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": ["focus", "focus-visible"]})
        states["focus"] = control.evaluate(STATE_CONTRAST)
        cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": []})
        for each in chain:
            cdp.send("CSS.forcePseudoState", {"nodeId": each, "forcedPseudoClasses": ["hover"]})
        states["hover"] = control.evaluate(STATE_CONTRAST)
        for each in chain:
            cdp.send("CSS.forcePseudoState", {"nodeId": each, "forcedPseudoClasses": []})
        measured += 1
        for state, ratio in states.items():
            if ratio < 4.5:
                low.append(f"{path or '/'} {sig} {state}: {ratio:.2f}")
    assert measured >= 5, f"te weinig bedieningselementen gemeten: {measured}"
    assert not low, "\n".join(low)
