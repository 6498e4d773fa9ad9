"""The wegwijzer as a smart answer, in real Chromium: 'Wie bent u?' first, one question per
screen (counter, page title, browser Back), the action card (announced, in view, printable,
link to copy), the teacher's task from the home page, and text contrast of every control in
every state (axe does not hover or focus, so this test does).
"""

from __future__ import annotations

import pytest

from generator.model import LoadedRoute, Wegwijzer
from generator.wegwijzer.paths import Path as AnswerPath
from generator.wegwijzer.paths import enumerate_paths
from support.wegwijzer import longest_path, routes_with_wegwijzer, wegwijzer_url

pytestmark = pytest.mark.browser

ROUTES = routes_with_wegwijzer()
IDS = [r.slug for r in ROUTES]


url = wegwijzer_url
longest = longest_path


def remaining(aid: Wegwijzer, qid: str) -> tuple[int, int]:
    """Fewest and most questions from `qid` to an advice, this one included."""
    question = next(q for q in aid.questions if q.id == qid)
    lengths = [(1, 1) if a.outcome or not a.next else tuple(n + 1 for n in remaining(aid, a.next))
               for a in question.answers]
    return min(low for low, _ in lengths), max(high for _, high in lengths)


def expected_counter(aid: Wegwijzer, number: int, qid: str) -> str:
    low, high = remaining(aid, qid)
    return f"Vraag {number} van {number + low - 1}" if low == high else f"Vraag {number}"


def screen(page: object) -> tuple[str, str]:
    """(data-question or 'advies:<step>', page title) of what is shown now."""
    return page.evaluate("""() => {
        const a = document.querySelector('[data-testid=advies]');
        const q = document.querySelector('[data-testid=vraag]');
        return [a ? 'advies:' + a.dataset.step : q ? q.dataset.question : '', document.title];
    }""")


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_browser_back_goes_to_the_previous_question(page: object, site_url: str, recorder: object,
                                                    loaded: LoadedRoute) -> None:
    path = longest(loaded)
    page.goto(url(site_url, loaded))
    page.wait_for_selector("[data-testid=vraag][data-question=ik]")
    seen = [screen(page)]
    page.click("[data-rw-ik=leerkracht]")
    seen.append(screen(page))
    for choice in path.choices:
        page.check(f"[data-testid=vraag] input[value='{choice.index}']")
        page.click("[data-testid=volgende]")
        seen.append(screen(page))
    assert seen[-1][0] == f"advies:{path.outcome}"
    assert seen[-1][1].startswith("Advies: ")
    titles = [title for _, title in seen]
    assert len(set(titles)) == len(titles), titles  # every screen has its own page title
    for back in range(len(seen) - 2, -1, -1):
        page.go_back()
        page.wait_for_function("q => { const n = document.querySelector('[data-testid=vraag]');"
                               " return n && n.dataset.question === q; }", arg=seen[back][0])
        assert screen(page) == seen[back]
        if 0 < back < len(path.choices) + 1:  # the answer given before is still selected
            assert page.is_checked(f"[data-testid=vraag] input[value='{path.choices[back - 1].index}']")
    assert page.evaluate("location.hash") == ""
    assert recorder.page_errors == []


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_each_question_has_its_counter_heading_and_title(page: object, site_url: str, loaded: LoadedRoute) -> None:
    aid = loaded.route.wegwijzer
    path = longest(loaded)
    page.goto(url(site_url, loaded, "#ik=ouder&pad="))
    for number, choice in enumerate(path.choices, start=2):
        page.wait_for_selector(f"[data-testid=vraag][data-question='{choice.question.id}']")
        counter = expected_counter(aid, number, choice.question.id)
        assert page.text_content("[data-testid=vraag] .rw-ww-teller") == counter
        assert page.text_content("[data-testid=vraag] h2.rw-ww-kop .rw-ww-kop__tekst") == choice.question.text
        assert page.title().startswith(f"{counter}: {choice.question.text} · ")
        # one question per screen: the search and the intro are not on it
        assert page.locator("[data-testid=vraag]").count() == 1
        assert page.is_hidden("[data-testid=situatie]")
        page.check(f"[data-testid=vraag] input[value='{choice.index}']")
        page.click("[data-testid=volgende]")
    page.wait_for_selector("[data-testid=advies]")


def test_counter_shows_the_length_when_every_path_is_as_long(page: object, site_url: str) -> None:
    """A question whose answers all lead to an advice is the last: 'Vraag n van n'."""
    for loaded in ROUTES:
        aid = loaded.route.wegwijzer
        for path in enumerate_paths(aid):
            last = path.choices[-1]
            if all(a.outcome for a in last.question.answers) and len(path.choices) > 1:
                code = ".".join(str(c.index) for c in path.choices[:-1])
                page.goto(url(site_url, loaded, f"#ik=leerkracht&pad={code}"))
                number = len(path.choices) + 1
                assert page.text_content(".rw-ww-teller") == f"Vraag {number} van {number}"
                return
    pytest.skip("geen vraag waarvan alle antwoorden een advies zijn")


def springschans() -> LoadedRoute:
    return next(r for r in ROUTES if r.slug == "de-springschans")


def fase_2_path(loaded: LoadedRoute) -> AnswerPath:
    """'My pupil does not profit from fase 1': the path through 'Profiteert de leerling …?'."""
    return next(p for p in enumerate_paths(loaded.route.wegwijzer)
                if p.outcome == "fase-2" and any(c.question.id == "vraag-profiteert" for c in p.choices))


def test_teacher_reaches_the_fase_2_card_from_the_home_page(page: object, site_url: str, recorder: object) -> None:
    """Issue 12's teacher task, desktop 1280 px: 'what to record' visible without scrolling."""
    loaded = springschans()
    path = fase_2_path(loaded)
    taps = 0
    page.goto(site_url)
    page.locator(".rw-site-ww [data-testid=route-wegwijzer]", has_text=loaded.route.organisation.name).click()
    taps += 1
    page.click("[data-rw-ik=leerkracht]")
    taps += 1
    for choice in path.choices:
        page.check(f"[data-testid=vraag] input[value='{choice.index}']")
        page.click("[data-testid=volgende]")
        taps += 2
    card = page.wait_for_selector("[data-testid=advies]")
    assert card.get_attribute("data-step") == "fase-2"
    assert taps <= 8, taps
    height = page.evaluate("innerHeight")
    record = page.locator(".rw-ww-kaart__deel", has=page.locator("h3", has_text="Wat u vastlegt of ondertekent"))
    box = record.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height, (box, height)
    assert "Leerlingdossier" in record.inner_text()
    # her contact is another role, never 'Leerkracht'
    assert page.text_content(".rw-ww-kaart__wie") != "Leerkracht"
    # announced, and the heading is in view and focused
    page.wait_for_function("() => document.querySelector('[data-rw-live]').textContent.includes('voor u als leerkracht')")
    top = page.locator("[data-testid=advies] .rw-ww-kop").bounding_box()["y"]
    assert 0 <= top <= 200
    assert page.evaluate("document.activeElement.classList.contains('rw-ww-kop')")
    assert recorder.external_requests == [] and recorder.page_errors == []


def test_print_layout_holds_the_card_only(page: object, site_url: str) -> None:
    loaded = springschans()
    path = fase_2_path(loaded)
    page.goto(url(site_url, loaded, f"#ik=leerkracht&pad={path.code}"))
    page.wait_for_selector("[data-testid=advies]")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => {
        const visible = (n) => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden';
        return {
            controls: [...document.querySelectorAll('input, button, select, textarea, [data-rw-wijzig]')].filter(visible).length,
            card: visible(document.querySelector('[data-testid=advies]')),
            h1: visible(document.querySelector('.md-content h1')),
            chrome: ['.md-header', '.md-sidebar', '.md-footer'].some(s => document.querySelector(s) && visible(document.querySelector(s))),
            text: document.body.innerText,
        };
    }""")
    assert shown["card"] and not shown["h1"] and not shown["chrome"]
    assert shown["controls"] == 0
    for words in ("Wat u nu doet", "Uw aanspreekpunt", "Wat u vastlegt of ondertekent", "Wat hierna komt"):
        assert words in shown["text"]
    for words in ("Wijzig", "Vorige", "Opnieuw beginnen", "Zoek de stap", "Link kopiëren", "Alle paden"):
        assert words not in shown["text"], words
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF"


def test_copy_link_copies_the_advice_address(new_page: object, site_url: str) -> None:
    page = new_page(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    loaded = springschans()
    path = fase_2_path(loaded)
    page.goto(url(site_url, loaded, f"#ik=leerkracht&pad={path.code}"))
    page.click("[data-rw-kopieer]")
    page.wait_for_function("() => document.querySelector('.rw-ww-gekopieerd').textContent !== ''")
    assert page.text_content(".rw-ww-gekopieerd") == "De link is gekopieerd."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.evaluate("location.href")
    assert copied.endswith(f"#ik=leerkracht&pad={path.code}")


# ---------------------------------------------------------------------------------------
# Contrast of every control in every state
# ---------------------------------------------------------------------------------------

CONTRAST = """(node) => {
    const parse = (c) => { const m = (c.match(/[\\d.]+/g) || ['0', '0', '0', '0']).map(Number);
        return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
    const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
        b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
    const layers = [];
    for (let n = node; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    const fg = over(parse(getComputedStyle(node).color), bg);
    const lum = (c) => ['r', 'g', 'b'].map((k) => { const v = c[k] / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}"""


NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"
"""Measure each state's final colours, not Material's colour fades (125 ms) half-way."""


def contrasts(page: object, selector: str) -> dict[str, float]:
    """Text contrast of the first element matching `selector`: at rest, hovered, focused.

    The page has NO_TRANSITIONS, so each state's colours hold as soon as it is set.
    """
    target = page.locator(selector).first
    target.scroll_into_view_if_needed()
    page.mouse.move(1, 1)
    result = {"rust": target.evaluate(CONTRAST)}
    target.hover()
    result["hover"] = target.evaluate(CONTRAST)
    page.mouse.move(1, 1)
    target.focus()
    result["focus"] = target.evaluate(CONTRAST)
    page.evaluate("document.activeElement.blur()")
    return result


SCREENS = {
    "start": ("", ["[data-rw-ik=leerkracht]", "[data-rw-ik=school]", "[data-testid=zoek-stap]"]),
    "vraag": ("#ik=leerkracht&pad=1", ["[data-testid=volgende]", "[data-rw-vorige]", "[data-rw-opnieuw]",
                                        "[data-rw-wijzig]"]),
    "advies": (None, ["[data-rw-kopieer]", "[data-rw-print]", ".rw-ww-kaart__wie", ".rw-ww-kaart__deel li a",
                      "[data-rw-vorige]", "[data-rw-opnieuw]", ".rw-ww-waarom > summary"]),
}


@pytest.mark.parametrize("screen", [*SCREENS, "zoeken"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_state_has_enough_contrast(new_page: object, site_url: str, scheme: str, screen: str) -> None:
    page = new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    loaded = springschans()
    low: list[str] = []
    if screen == "zoeken":
        # the suggestions after a search: their links and the 'Controleer met de vragen' button
        page.goto(url(site_url, loaded))
        page.add_style_tag(content=NO_TRANSITIONS)
        page.fill("[data-testid=situatie]", "de leerling profiteert onvoldoende van de interventies")
        page.click("[data-testid=zoek-stap]")
        page.wait_for_selector("[data-testid=suggestie]")
        selectors = [".rw-ww-suggestie__stap", "[data-rw-bevestig]"]
    else:
        hash_, selectors = SCREENS[screen]
        hash_ = f"#ik=leerkracht&pad={fase_2_path(loaded).code}" if hash_ is None else hash_
        page.goto(url(site_url, loaded, hash_))
        page.wait_for_selector("[data-testid=vraag], [data-testid=advies]")
        page.add_style_tag(content=NO_TRANSITIONS)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    for selector in selectors:
        assert page.locator(selector).count(), selector
        for state, ratio in contrasts(page, selector).items():
            if ratio < 4.5:
                low.append(f"{screen} {selector} {state}: {ratio}")
    assert low == []


# ---------------------------------------------------------------------------------------
# axe on the screens a page load never shows (the site-wide axe walk loads each page once)
# ---------------------------------------------------------------------------------------

AXE_SCREENS = [
    ("wegwijzer/#ik=ouder&pad=", None),
    ("wegwijzer/#ik=leerkracht&pad=1", None),
    ("wegwijzer/#ik=leerkracht&pad={fase2}", None),
    ("wegwijzer/embed/#ik=school&pad={fase2}", None),
    ("wegwijzer/embed/", "de leerling profiteert onvoldoende"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_questions_and_the_card(new_page: object, site_url: str, scheme: str) -> None:
    from support.paths import AXE
    from test_accessibility import _RUN_AXE, WCAG_TAGS

    if not AXE.exists():
        pytest.fail("axe-core ontbreekt: voer 'make axe' uit (npm ci --prefix tests).")
    loaded = springschans()
    page = new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    problems = []
    for rest, search in AXE_SCREENS:
        page.goto(url(site_url, loaded, "").removesuffix("wegwijzer/") + rest.format(fase2=fase_2_path(loaded).code))
        page.wait_for_selector("[data-testid=vraag], [data-testid=advies]")
        if search:
            page.fill("[data-testid=situatie]", search)
            page.click("[data-testid=zoek-stap]")
            page.wait_for_selector("[data-testid=suggestie]")
        if page.locator(".rw-ww-waarom").count():
            page.click(".rw-ww-waarom > summary")
        page.add_script_tag(path=str(AXE))
        for violation in page.evaluate(_RUN_AXE, WCAG_TAGS):
            problems.append(f"{rest}: {violation['id']} {[n['target'] for n in violation['nodes'][:3]]}")
    assert problems == []
