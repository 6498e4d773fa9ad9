"""The wegwijzer in real Chromium: keyboard, history, no-JavaScript mode, privacy, embed.

Parametrised over every route in routes/ that has a question tree. Outcomes are checked
against generator.wegwijzer.paths, so the browser must agree with the tree for every path.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from generator.model import LoadedRoute
from generator.wegwijzer.index import build_index, rank
from generator.wegwijzer.paths import Path as AnswerPath
from generator.wegwijzer.paths import enumerate_paths
from support.wegwijzer import routes_with_wegwijzer, situations

pytestmark = pytest.mark.browser

ROUTES = routes_with_wegwijzer()
IDS = [r.slug for r in ROUTES]


def url(site_url: str, loaded: LoadedRoute, rest: str = "") -> str:
    return f"{site_url}{loaded.slug}/wegwijzer/{rest}"


def longest(loaded: LoadedRoute) -> AnswerPath:
    return max(enumerate_paths(loaded.route.wegwijzer), key=lambda p: (len(p.choices), p.code))


def focused_heading(page: object) -> str:
    return page.evaluate("document.activeElement.classList.contains('rw-ww-kop') ? document.activeElement.textContent : ''")


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_full_path_by_keyboard_only(page: object, site_url: str, recorder: object, loaded: LoadedRoute) -> None:
    path = longest(loaded)
    page.goto(url(site_url, loaded, "#pad="))
    page.wait_for_selector("[data-testid=vraag]")
    for number, choice in enumerate(path.choices):
        assert focused_heading(page) == choice.question.text
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "radio"
        page.keyboard.press("Space")
        for _ in range(choice.index):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.testid") == "volgende"
        page.keyboard.press("Enter")
        expected = ".".join(str(c.index) for c in path.choices[: number + 1])
        page.wait_for_function("h => location.hash === h", arg=f"#pad={expected}")
    advice = page.wait_for_selector("[data-testid=advies]")
    assert advice.get_attribute("data-step") == path.outcome
    assert focused_heading(page).startswith("Advies: ")
    live = page.text_content("[data-rw-live]")
    page.wait_for_function("() => document.querySelector('[data-rw-live]').textContent.startsWith('Advies')")
    assert recorder.external_requests == [] and recorder.page_errors == [], live


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_back_change_and_restart(page: object, site_url: str, recorder: object, loaded: LoadedRoute) -> None:
    path = longest(loaded)
    page.goto(url(site_url, loaded))
    page.wait_for_selector("[data-testid=vraag]")
    for choice in path.choices:
        page.check(f"[data-testid=vraag] input[value='{choice.index}']")
        page.click("[data-testid=volgende]")
    assert page.get_attribute("[data-testid=advies]", "data-step") == path.outcome
    # Vorige: one answer back, the earlier answer still selected
    page.click("[data-rw-vorige]")
    last = path.choices[-1]
    assert page.get_attribute("[data-testid=vraag]", "data-question") == last.question.id
    assert page.is_checked(f"[data-testid=vraag] input[value='{last.index}']")
    # browser Back and Forward move through the same history
    page.go_back()
    page.wait_for_selector("[data-testid=advies]")
    page.go_forward()
    page.wait_for_selector("[data-testid=vraag]")
    # change the first answer from the summary
    page.click("[data-rw-wijzig='0']")
    assert page.evaluate("location.hash") == "#pad="
    assert page.get_attribute("[data-testid=vraag]", "data-question") == loaded.route.wegwijzer.start
    first = path.choices[0]
    other = (first.index + 1) % len(first.question.answers)
    page.check(f"[data-testid=vraag] input[value='{other}']")
    page.click("[data-testid=volgende]")
    assert page.evaluate("location.hash") == f"#pad={other}"
    # Opnieuw beginnen
    page.click("[data-rw-opnieuw]")
    assert page.evaluate("location.hash") == "#pad="
    assert page.get_attribute("[data-testid=vraag]", "data-question") == loaded.route.wegwijzer.start
    assert focused_heading(page) == first.question.text
    assert recorder.page_errors == []


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_restores_from_url_hash(page: object, new_page: object, site_url: str, loaded: LoadedRoute) -> None:
    path = longest(loaded)
    link = url(site_url, loaded, f"#pad={path.code}")
    page.goto(link)
    assert page.get_attribute("[data-testid=advies]", "data-step") == path.outcome
    page.reload()
    assert page.get_attribute("[data-testid=advies]", "data-step") == path.outcome
    assert page.locator(".rw-ww-overzicht dd").count() == len(path.choices)
    other = new_page(viewport={"width": 1280, "height": 900})
    other.goto(link)
    assert other.get_attribute("[data-testid=advies]", "data-step") == path.outcome
    # a half path shows the next question
    if len(path.choices) > 1:
        third = new_page(viewport={"width": 1280, "height": 900})
        third.goto(url(site_url, loaded, f"#pad={path.choices[0].index}"))
        assert third.get_attribute("[data-testid=vraag]", "data-question") == path.choices[1].question.id


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_every_path_gives_the_tree_outcome(page: object, site_url: str, recorder: object, loaded: LoadedRoute) -> None:
    page.goto(url(site_url, loaded))
    page.wait_for_selector("[data-testid=vraag]")
    for path in enumerate_paths(loaded.route.wegwijzer):
        page.evaluate("code => { location.hash = 'pad=' + code; }", path.code)
        page.wait_for_function("step => { const a = document.querySelector('[data-testid=advies]');"
                               " return a && a.dataset.step === step; }", arg=path.outcome)
        assert page.locator(".rw-ww-overzicht dd").count() == len(path.choices), path.code
    assert recorder.page_errors == []


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_without_javascript_the_tree_is_linked_sections(new_page: object, site_url: str, loaded: LoadedRoute) -> None:
    page = new_page(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page.goto(url(site_url, loaded))
    aid = loaded.route.wegwijzer
    assert page.is_visible(f"#ww-vraag-{aid.start}")
    assert page.is_hidden("[data-testid=situatie]")
    for question in aid.questions:
        links = page.locator(f"#ww-vraag-{question.id} li a")
        assert links.count() == len(question.answers)
        for index, answer in enumerate(question.answers):
            target = f"ww-vraag-{answer.next}" if answer.next else f"ww-advies-{answer.outcome}"
            assert links.nth(index).get_attribute("href") == f"#{target}"
            assert page.locator(f"[id='{target}']").count() == 1
    path = longest(loaded)
    for choice in path.choices:
        page.click(f"#ww-vraag-{choice.question.id} li:nth-child({choice.index + 1}) a")
    assert page.evaluate("location.hash") == f"#ww-advies-{path.outcome}"
    assert page.is_visible(f"#ww-advies-{path.outcome} h3")


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_typed_text_stays_private(page: object, site_url: str, recorder: object, loaded: LoadedRoute) -> None:
    secret = "Pietje Geheimnaam leest nog steeds niet en de juf maakt zich zorgen"
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url(site_url, loaded))
    page.fill("[data-testid=situatie]", secret)
    page.press("[data-testid=situatie]", "Enter")
    page.wait_for_selector("[data-testid=suggestie]")
    page.click("[data-rw-bevestig]")
    page.check("[data-testid=vraag] input[value='0']")
    page.click("[data-testid=volgende]")
    page.click(".rw-ww-suggestie__stap >> nth=0")
    page.wait_for_url("**/stappen/**")
    page.wait_for_load_state()
    state = page.evaluate("""() => ({href: location.href, cookie: document.cookie,
        local: Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k)).join('|'),
        session: Object.keys(sessionStorage).map(k => k + '=' + sessionStorage.getItem(k)).join('|'),
        history: JSON.stringify(history.state)})""")
    for word in ("Geheimnaam", quote("Geheimnaam"), "geheimnaam"):
        assert all(word not in r for r in requests)
        assert all(word not in str(v) for v in state.values()), state
    assert recorder.external_requests == []


@pytest.mark.parametrize("loaded", [r for r in ROUTES if situations(r.slug)], ids=lambda r: r.slug)
def test_browser_ranks_like_python(page: object, site_url: str, loaded: LoadedRoute) -> None:
    page.goto(url(site_url, loaded))
    index = build_index(loaded)
    labels = {s.id: s.label for s in loaded.route.steps}
    for case in situations(loaded.slug)[:4]:
        page.fill("[data-testid=situatie]", case["tekst"])
        page.click("[data-testid=zoek-stap]")
        page.wait_for_selector("[data-testid=suggestie]")
        shown = page.locator("[data-testid=suggestie]")
        ids = [shown.nth(i).get_attribute("data-step") for i in range(shown.count())]
        assert ids == [step for step, _ in rank(index, case["tekst"])[:3]]
        for i, step in enumerate(ids):
            assert shown.nth(i).inner_text().startswith(labels[step])


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_suggestion_shows_the_phrase_it_recognised(page: object, site_url: str, loaded: LoadedRoute) -> None:
    step = next(s for s in loaded.route.steps if s.phrases)
    phrase = step.phrases[0]
    page.goto(url(site_url, loaded))
    page.fill("[data-testid=situatie]", phrase)
    page.click("[data-testid=zoek-stap]")
    suggestion = page.locator(f"[data-testid=suggestie][data-step='{step.id}']")
    suggestion.wait_for()
    assert "Herkend aan:" in suggestion.inner_text()
    assert phrase in suggestion.locator("q").all_inner_texts()


@pytest.mark.parametrize("width", [360, 640], ids=["telefoon", "zoom-200"])
def test_narrow_widths_have_no_sideways_scroll(new_page: object, site_url: str, width: int) -> None:
    """360 px is a phone; 640 px is a 1280 px screen at 200% zoom."""
    page = new_page(viewport={"width": width, "height": 740})
    loaded = ROUTES[0]
    path = longest(loaded)
    page.goto(url(site_url, loaded))
    page.fill("[data-testid=situatie]", "de juf maakt zich zorgen")
    page.press("[data-testid=situatie]", "Enter")
    page.wait_for_selector("[data-testid=suggestie]")
    page.goto(url(site_url, loaded, f"#pad={path.code}"))
    page.wait_for_selector("[data-testid=advies]")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


def test_works_after_instant_navigation(page: object, site_url: str, recorder: object) -> None:
    """Material swaps the page content without reloading scripts; the wegwijzer must still start."""
    loaded = ROUTES[0]
    page.goto(f"{site_url}{loaded.slug}/")
    page.click(".md-content a[href$='wegwijzer/'] >> nth=0")
    page.wait_for_url("**/wegwijzer/")
    page.wait_for_selector("[data-testid=vraag]")
    assert page.is_hidden("[data-rw-static]")
    page.check("[data-testid=vraag] input[value='0']")
    page.click("[data-testid=volgende]")
    assert page.evaluate("location.hash") == "#pad=0"
    # the snippet to embed moved to the publisher page (issue 12); reached by instant
    # navigation too, it names the absolute address of the embed page
    page.click(".md-content a[href$='publiceren/'] >> nth=0")
    page.wait_for_url("**/publiceren/")
    code = page.text_content("[data-rw-embed-code]")
    assert f'src="{site_url}{loaded.slug}/wegwijzer/embed/"' in code
    assert recorder.page_errors == [] and recorder.external_requests == []


def test_home_page_starts_with_the_school_question(page: object, site_url: str, recorder: object) -> None:
    page.goto(site_url)
    legend = page.text_content(".rw-site-ww legend")
    assert legend.strip() == "Bij welke school of welk samenwerkingsverband hoort het kind?"
    loaded = ROUTES[-1]
    names = [page.text_content(f"label[for='rw-site-route-{i}']") for i in range(len(ROUTES))]
    index = next(i for i, n in enumerate(names) if n.startswith(loaded.route.organisation.name))
    page.check(f"#rw-site-route-{index}")
    page.click(".rw-site-ww [data-testid=volgende]")
    page.wait_for_url(f"**/{loaded.slug}/wegwijzer/#pad=")
    page.wait_for_selector("[data-testid=vraag]")
    assert page.get_attribute("[data-testid=vraag]", "data-question") == loaded.route.wegwijzer.start
    assert recorder.external_requests == []


EMBED_HOST = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test</title></head><body>
<p>Een pagina van een school.</p>
<iframe src="{src}" title="Wegwijzer" data-routewijzer style="width:100%;border:0" height="300"></iframe>
<script>
window.addEventListener("message", function (e) {{
  var f = document.querySelector("iframe[data-routewijzer]");
  if (f && e.source === f.contentWindow && e.data && e.data.type === "routewijzer:hoogte") f.style.height = e.data.height + "px";
}});
</script></body></html>"""


def test_embed_in_an_iframe_adapts_its_height(page: object, site_url: str, built_site: Path, recorder: object) -> None:
    loaded = ROUTES[0]
    host = built_site / "_embed_test.html"
    host.write_text(EMBED_HOST.format(src=f"{loaded.slug}/wegwijzer/embed/"), encoding="utf-8")
    page.goto(site_url + "_embed_test.html")
    frame = page.frame_locator("iframe[data-routewijzer]")
    frame.locator("[data-testid=vraag]").wait_for()
    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''")
    before = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    inner = page.frames[1]
    assert inner.evaluate("['.md-header', '.md-footer', '.md-sidebar', '.md-search'].every("
                          "s => !document.querySelector(s) || document.querySelector(s).offsetParent === null)")
    frame.locator("[data-testid=situatie]").fill("de juf maakt zich zorgen over het lezen")
    frame.locator("[data-testid=situatie]").press("Enter")
    frame.locator("[data-testid=suggestie]").first.wait_for()
    page.wait_for_function("h => document.querySelector('iframe').getBoundingClientRect().height > h", arg=before)
    # the page fits: the iframe is as high as its content
    content = inner.evaluate("Math.ceil(document.querySelector('.md-content').getBoundingClientRect().bottom)")
    height = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    assert abs(height - content) <= 40
    assert frame.locator(".rw-ww-suggestie__stap").first.get_attribute("target") == "_blank"
    assert recorder.external_requests == [] and recorder.page_errors == []


def test_advice_can_show_one_role(page: object, site_url: str) -> None:
    loaded = ROUTES[0]
    path = next((p for p in enumerate_paths(loaded.route.wegwijzer) if len(next(s for s in loaded.route.steps if s.id == p.outcome).roles) >= 2), None)
    if path is None:
        pytest.skip("geen advies met twee of meer rollen")
    page.goto(url(site_url, loaded, f"#pad={path.code}"))
    items = page.locator("[data-testid=advies] .rw-ww-rollen > li")
    total = items.count()
    assert total >= 2
    page.check("#rw-ww-rol-1")  # the first role
    assert [items.nth(i).is_visible() for i in range(total)] == [True] + [False] * (total - 1)
    page.check("#rw-ww-rol-0")  # all roles again
    assert all(items.nth(i).is_visible() for i in range(total))
