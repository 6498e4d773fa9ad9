"""The wegwijzer in real Chromium: keyboard, history, no-JavaScript mode, privacy, embed.

Parametrised over every route in routes/ that has a question tree. Outcomes are checked
against generator.wegwijzer.paths, so the browser must agree with the tree for every path.
The flow asks "Wie bent u?" first; the hash then holds the reader and the answer indexes
(#ik=leerkracht&pad=0.2.1).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from generator.model import LoadedRoute
from generator.wegwijzer.index import build_index, rank
from generator.wegwijzer.paths import enumerate_paths
from support.wegwijzer import longest_path, routes_with_wegwijzer, situations, wegwijzer_url

pytestmark = pytest.mark.browser

ROUTES = routes_with_wegwijzer()
IDS = [r.slug for r in ROUTES]


url = wegwijzer_url
longest = longest_path


def focused_heading(page: object) -> str:
    """The text of the focused screen heading, without its counter ('Vraag 2 van 4')."""
    return page.evaluate("document.activeElement.classList.contains('rw-ww-kop') ?"
                         " document.activeElement.querySelector('.rw-ww-kop__tekst').textContent : ''")


def hash_for(reader: str, code: str) -> str:
    return f"#ik={reader}&pad={code}"


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_full_path_by_keyboard_only(page: object, site_url: str, recorder: object, loaded: LoadedRoute) -> None:
    path = longest(loaded)
    page.goto(url(site_url, loaded, "#pad="))
    page.wait_for_selector("[data-testid=vraag][data-question=ik]")
    assert focused_heading(page) == "Wie bent u?"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.rwIk") == "leerkracht"
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=hash_for("leerkracht", ""))
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
        page.wait_for_function("h => location.hash === h", arg=hash_for("leerkracht", expected))
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
    page.click("[data-rw-ik=ouder]")
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
    assert page.evaluate("location.hash") == hash_for("ouder", "")
    assert page.get_attribute("[data-testid=vraag]", "data-question") == loaded.route.wegwijzer.start
    first = path.choices[0]
    other = (first.index + 1) % len(first.question.answers)
    page.check(f"[data-testid=vraag] input[value='{other}']")
    page.click("[data-testid=volgende]")
    assert page.evaluate("location.hash") == hash_for("ouder", str(other))
    # Opnieuw beginnen: a link; it keeps who is asking and clears the answers
    assert page.evaluate("document.querySelector('[data-rw-opnieuw]').tagName") == "A"
    page.click("[data-rw-opnieuw]")
    assert page.evaluate("location.hash") == hash_for("ouder", "")
    assert page.get_attribute("[data-testid=vraag]", "data-question") == loaded.route.wegwijzer.start
    assert focused_heading(page) == first.question.text
    assert recorder.page_errors == []


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_restores_from_url_hash(page: object, new_page: object, site_url: str, loaded: LoadedRoute) -> None:
    path = longest(loaded)
    link = url(site_url, loaded, hash_for("leerkracht", path.code))
    page.goto(link)
    assert page.get_attribute("[data-testid=advies]", "data-step") == path.outcome
    page.reload()
    assert page.get_attribute("[data-testid=advies]", "data-step") == path.outcome
    # one row for who is asking, one per answer
    assert page.locator(".rw-ww-overzicht dd").count() == len(path.choices) + 1
    other = new_page(viewport={"width": 1280, "height": 900})
    other.goto(link)
    assert other.get_attribute("[data-testid=advies]", "data-step") == path.outcome
    # a half path shows the next question
    if len(path.choices) > 1:
        third = new_page(viewport={"width": 1280, "height": 900})
        third.goto(url(site_url, loaded, hash_for("ouder", str(path.choices[0].index))))
        assert third.get_attribute("[data-testid=vraag]", "data-question") == path.choices[1].question.id


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_every_path_gives_the_tree_outcome(page: object, site_url: str, recorder: object, loaded: LoadedRoute) -> None:
    page.goto(url(site_url, loaded))
    page.wait_for_selector("[data-testid=vraag]")
    for path in enumerate_paths(loaded.route.wegwijzer):
        page.evaluate("code => { location.hash = 'ik=school&pad=' + code; }", path.code)
        page.wait_for_function("step => { const a = document.querySelector('[data-testid=advies]');"
                               " return a && a.dataset.step === step; }", arg=path.outcome)
        assert page.locator(".rw-ww-overzicht dd").count() == len(path.choices) + 1, path.code
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
    page.click("[data-rw-ik=ouder]")
    page.check("[data-testid=vraag] input[value='0']")
    page.click("[data-testid=volgende]")
    for _ in range(3):  # back to the start screen, where the suggestions still are
        page.go_back()
    page.wait_for_function("() => location.hash === ''")
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
    page.goto(url(site_url, loaded, hash_for("ouder", path.code)))
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
    page.click("[data-rw-ik=leerkracht]")
    page.check("[data-testid=vraag] input[value='0']")
    page.click("[data-testid=volgende]")
    assert page.evaluate("location.hash") == hash_for("leerkracht", "0")
    # the snippet to embed moved to the publisher page (issue 12); reached by instant
    # navigation too, it names the absolute address of the embed page. One question per
    # screen: the link sits on the start screen, which Back (twice) shows again.
    assert page.is_hidden(".md-content a[href$='publiceren/'] >> nth=0")
    page.go_back()
    page.go_back()
    page.wait_for_selector(".md-content a[href$='publiceren/'] >> nth=0", state="visible")
    page.click(".md-content a[href$='publiceren/'] >> nth=0")
    page.wait_for_url("**/publiceren/")
    code = page.text_content("[data-rw-embed-code]")
    assert f'src="{site_url}{loaded.slug}/wegwijzer/embed/"' in code
    assert recorder.page_errors == [] and recorder.external_requests == []


def test_home_page_starts_with_the_school_question(page: object, site_url: str, recorder: object) -> None:
    """The home page asks for the school: one link per route (one tap), then 'Wie bent u?'."""
    page.goto(site_url)
    question = page.text_content(".rw-site-ww__vraag")
    assert question.strip() == "Bij welke school of welk samenwerkingsverband hoort het kind?"
    loaded = ROUTES[-1]
    links = page.locator(".rw-site-ww [data-testid=route-wegwijzer]")
    assert links.count() == len(ROUTES)
    link = next(links.nth(i) for i in range(links.count()) if links.nth(i).inner_text() == loaded.route.organisation.display_name)
    link.click()
    page.wait_for_url(f"**/{loaded.slug}/wegwijzer/")
    page.wait_for_selector("[data-testid=vraag]")
    assert page.get_attribute("[data-testid=vraag]", "data-question") == "ik"
    page.click("[data-rw-ik=leerkracht]")
    assert page.get_attribute("[data-testid=vraag]", "data-question") == loaded.route.wegwijzer.start
    assert recorder.external_requests == []


def test_embed_in_an_iframe_adapts_its_height(page: object, site_url: str, built_site: Path, recorder: object) -> None:
    """The iframe follows each new screen; the height it gets is the content's, rounded up."""
    loaded = ROUTES[0]
    path = longest(loaded)
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
    frame.locator("[data-rw-ik=leerkracht]").click()
    for choice in path.choices:
        frame.locator(f"[data-testid=vraag] input[value='{choice.index}']").check()
        frame.locator("[data-testid=volgende]").click()
    frame.locator("[data-testid=advies]").wait_for()
    page.wait_for_function("h => document.querySelector('iframe').getBoundingClientRect().height !== h", arg=before)
    # the page fits: the iframe is as high as its content, rounded up to 50 px (plus a margin)
    content = inner.evaluate("Math.ceil(document.querySelector('.md-content').getBoundingClientRect().bottom)")
    height = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    assert content <= height <= content + 50 + 16 + 2
    assert height % 50 == 0
    assert frame.locator("[data-testid=advies] a").first.get_attribute("target") == "_blank"
    assert recorder.external_requests == [] and recorder.page_errors == []


EMBED_HOST = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test</title></head><body>
<p>Een pagina van een school.</p>
<iframe src="{src}" title="Wegwijzer" data-routewijzer style="width:100%;border:0" height="300"></iframe>
<script>
window.addEventListener("message", function (e) {{
  var f = document.querySelector("iframe[data-routewijzer]");
  if (f && e.source === f.contentWindow && e.data && e.data.type === "routewijzer:hoogte") f.style.height = e.data.height + "px";
}});
</script></body></html>"""


@pytest.mark.parametrize("loaded", ROUTES[:2], ids=IDS[:2])
def test_each_reader_gets_a_card_without_themselves_as_contact(page: object, site_url: str, loaded: LoadedRoute) -> None:
    """Replaces the 15-radio 'Ik ben:' filter: the reader chose at the start; the card is theirs."""
    from generator.wegwijzer.card import role_kinds

    kinds = role_kinds(loaded)
    names = {r.name: kinds[r.id] for r in loaded.route.roles}
    path = longest(loaded)
    for reader, words in (("leerkracht", "leerkracht"), ("ouder", "ouder"), ("school", "iemand anders van school")):
        page.goto(url(site_url, loaded, hash_for(reader, path.code)))
        card = page.wait_for_selector("[data-testid=advies]")
        assert card.get_attribute("data-step") == path.outcome
        assert page.text_content(".rw-ww-kaart__voor").startswith(f"Advies voor u als {words} ")
        headings = page.locator(".rw-ww-kaart__deel > h3").all_inner_texts()
        assert headings[:2] == ["Wat u nu doet", "Uw aanspreekpunt"]
        assert headings[2] in ("Wat u vastlegt of ondertekent", "Wat u beslist of ondertekent")
        assert headings[3] == "Wat hierna komt"
        contact = page.locator(".rw-ww-kaart__wie")
        if contact.count():
            assert names.get(contact.inner_text(), "") != reader
        assert page.locator(".rw-ww-rolkeuze, input[name=rw-ww-rol]").count() == 0
        assert not page.is_visible(".rw-ww-waarom .rw-ww-overzicht")  # folded: 'Waarom dit advies'
