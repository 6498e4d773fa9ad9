"""Everything the tests share, in one package (import as `from support.x import ...`).

- `paths`: where the repository, the routes and the test data are.
- `routes`: the real routes (loaded once), the starter route, the small test routes.
- `text`: one text walker over a route model, one `normalise`, a page's visible text.
- `site`: one site builder (its config in a temporary folder, never in the repository)
  and the build shared by every test of a run, xdist workers included.
- `browser`: headless Chromium, the offline request guard, a local web server, page walks.
- `golden`: compare rendered output with expected files; `UPDATE_GOLDENS=1` rewrites them.
- `wegwijzer`: the situations written for the wegwijzer and node runs of its JavaScript.
"""
