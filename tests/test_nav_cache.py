"""Sidebar entries reused across pages (generator/nav_cache.py): only where the HTML is the same."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.nav_cache import NavFragments


@dataclass
class Item:
    url: str | None = None
    active: bool = False
    children: list["Item"] = field(default_factory=list)


@dataclass
class Page:
    url: str


ROUTE_A = Item(children=[Item("a/"), Item(children=[Item("a/stappen/1/"), Item("a/stappen/2/")])])
ROUTE_B = Item(children=[Item("b/"), Item("b/stappen/1/")])


def test_an_entry_away_from_the_page_is_shared_by_pages_at_one_depth() -> None:
    cache = NavFragments()
    one = cache.key(ROUTE_B, "__nav_3", Page("a/stappen/1/"), "../../..")
    assert one == cache.key(ROUTE_B, "__nav_3", Page("c/stappen/9/"), "../../..")
    assert one != cache.key(ROUTE_B, "__nav_3", Page("a/"), "..")  # another depth, other relative links
    assert cache.put(one, Markup("<li>B</li>")) == cache.get(one) == Markup("<li>B</li>")


def test_the_open_entry_and_entries_into_the_page_folder_are_rendered_per_page() -> None:
    cache = NavFragments()
    open_a = Item(children=ROUTE_A.children, active=True)
    assert cache.key(open_a, "__nav_2", Page("a/stappen/1/"), "../../..") is None
    # A page of folder a/ that is not in the navigation (an embed page): the entry of a/ is
    # not active, but its links are relative to a folder the page shares.
    assert cache.key(ROUTE_A, "__nav_2", Page("a/wegwijzer/embed/"), "../../..") is None
    assert cache.key(ROUTE_A, "__nav_2", None, "") is None


def test_entries_render_each_entry_once_and_keep_the_order() -> None:
    cache = NavFragments()
    routes = [Item(children=[Item(f"{name}/"), Item(f"{name}/stappen/1/")]) for name in "abcde"]
    rendered: list[str] = []

    def render(item: Item, path: str, level: int) -> Markup:
        rendered.append(path)
        return Markup(f"<li>{item.children[0].url}{path}</li>")

    on_c = cache.entries(routes, Page("c/stappen/1/"), "../../..", render)
    assert str(on_c).split("\n") == [f"<li>{n}/__nav_{i}</li>" for i, n in enumerate("abcde", 1)]
    assert sorted(rendered) == [f"__nav_{i}" for i in range(1, 6)]
    rendered.clear()
    # Another page of c/ at the same depth: only c's own entry is rendered again.
    assert cache.entries(routes, Page("c/stappen/2/"), "../../..", render) == on_c
    assert rendered == ["__nav_3"]
    rendered.clear()
    # A page of e/: a, b and d come from the cache; c's entry is seen from outside c/ for the
    # first time (rendered once, then reused), e's own is rendered for the page.
    on_e = cache.entries(routes, Page("e/stappen/1/"), "../../..", render)
    assert rendered == ["__nav_3", "__nav_5"] and on_e == on_c
    rendered.clear()
    assert cache.entries(routes, Page("d/stappen/1/"), "../../..", render) == on_c
    assert rendered == ["__nav_4"]
