// Routewijzer wegwijzer: the free-text ranking, shared by the page script (wegwijzer.js)
// and the tests, which run it in node beside the Python side.
//
// The text functions below are exact twins of generator/wegwijzer/text.py and
// synonyms.py/index.py; tests/test_wegwijzer_text.py compares them in node.
// Pure functions only: no DOM, no storage, no network.

const VOWELS = new Set("aeiouy");

/** A key's own value in a JSON object, never an inherited one ("constructor", "__proto__"). */
const own = (object, key) => (Object.hasOwn(object, key) ? object[key] : undefined);

/** Lower case without accents, as text.normalise. */
export function normalise(text) {
  return text.toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "");
}

/** Words after normalisation, as text.words. */
export function words(text) {
  return normalise(text).match(/[a-z0-9]+/g) || [];
}

function region1(word) {
  for (let i = 1; i < word.length; i++) {
    if (VOWELS.has(word[i - 1]) && !VOWELS.has(word[i])) return Math.max(i + 1, 3);
  }
  return word.length;
}

function undouble(word) {
  const n = word.length;
  if (n >= 2 && word[n - 1] === word[n - 2] && !VOWELS.has(word[n - 1])) return word.slice(0, -1);
  return word;
}

const notVowel = (c) => !VOWELS.has(c);

function undiminish(word) {
  let w = word;
  if (w.length < 6) return w;
  if (w.endsWith("jes")) w = w.slice(0, -1);
  if (w.endsWith("etje") && w.length >= 8) return undouble(w.slice(0, -4));
  if (w.endsWith("tje") || w.endsWith("pje")) return w.slice(0, -3);
  if (w.endsWith("je") && !VOWELS.has(w[w.length - 3])) return w.slice(0, -2);
  return w;
}

const stemMemo = new Map();
/** Bound of the memo, as text.stem's lru_cache(maxsize=100_000): a page left open for days
 * while people type keeps a bounded memo (emptied when full; the results never change). */
const STEM_MEMO_MAX = 100000;

/** The compact Dutch stemmer; see text.stem for the rules (memoised: texts repeat words). */
export function stem(input) {
  let found = stemMemo.get(input);
  if (found === undefined) {
    found = stemWord(input);
    if (stemMemo.size >= STEM_MEMO_MAX) stemMemo.clear();
    stemMemo.set(input, found);
  }
  return found;
}

function stemWord(input) {
  let w = input;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  w = undiminish(w);
  const r1 = region1(w);
  const at = (i) => w[w.length + i];
  if (w.endsWith("heden") && w.length - 5 >= r1) {
    w = w.slice(0, -5) + "heid";
  } else if (w.endsWith("ene") && w.length - 3 >= r1 && notVowel(at(-4)) && !w.slice(0, -3).endsWith("gem")) {
    w = undouble(w.slice(0, -3));
  } else if (w.endsWith("en") && w.length - 2 >= r1 && notVowel(at(-3)) && !w.slice(0, -2).endsWith("gem")) {
    w = undouble(w.slice(0, -2));
  } else if (w.endsWith("se") && w.length - 2 >= r1 && notVowel(at(-3)) && at(-3) !== "j") {
    w = w.slice(0, -2);
  } else if (w.endsWith("s") && w.length - 1 >= r1 && notVowel(at(-2)) && at(-2) !== "j") {
    w = w.slice(0, -1);
  }
  if (w.endsWith("e") && w.length - 1 >= r1 && w.length > 3 && notVowel(at(-2))) {
    w = undouble(w.slice(0, -1));
  }
  for (const suffix of ["heid", "lijk", "baar", "ing", "ig"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= Math.max(r1, 3)) {
      w = undouble(w.slice(0, -suffix.length));
      break;
    }
  }
  if (w.endsWith("dt")) {
    w = w.slice(0, -1);
  } else if (w.endsWith("t") && w.length > 4 && notVowel(at(-2)) && w.length - 1 >= r1) {
    w = w.slice(0, -1);
  }
  if (w.endsWith("z")) w = w.slice(0, -1) + "s";
  else if (w.endsWith("v")) w = w.slice(0, -1) + "f";
  if (w.length >= 4 && notVowel(at(-1)) && at(-2) === at(-3) && "aeou".includes(at(-2))) {
    w = w.slice(0, -2) + at(-1);
  }
  return w;
}

const PARTICLES = new Set("aan af bij door in mee na op over terug toe uit voor".split(" "));

const NUMBER = /^[0-9]{1,2}[a-z]?$/;

/** 'mee te denken' → 'meedenken', 'stap 3' → 'stap', 'stap3'; as text.join_particles. */
export function joinParticles(found, stopwords) {
  const out = [];
  for (let i = 0; i < found.length; i++) {
    if (PARTICLES.has(found[i]) && i + 2 < found.length && found[i + 1] === "te") {
      out.push(found[i] + found[i + 2]);
      i += 2;
    } else if (i && /^[a-z]+$/.test(found[i - 1]) && NUMBER.test(found[i])) {
      out.push(found[i - 1] + found[i]);
    } else out.push(found[i]);
  }
  return out;
}

/** Stems of meaningful words, as text.terms. */
export function terms(text, stopwords) {
  return joinParticles(words(text), stopwords).filter((w) => !stopwords.has(w) && w.length > 1).map(stem);
}

const CLAUSE = /[,.;:!?()\n]|\b(?:maar|en|want|omdat|dus|terwijl|toch)\b/;
const WORD = /[a-z0-9]+/g;

/** The words of a text per clause, as text.clauses. */
export function clauses(text, stopwords) {
  return normalise(text).split(CLAUSE).map((part) => part.match(WORD) || []).filter((c) => c.length)
    .map((c) => joinParticles(c, stopwords));
}

/** Per word of a clause: covered by a negator before it? As text.negated. */
export function negated(clause, search) {
  const t = tables(search);
  const flags = clause.map(() => false);
  let left = 0;
  clause.forEach((word, i) => {
    if (t.negators.has(word)) left = search.params.negationScope;
    else if (left && !t.stop.has(word) && word.length > 1) {
      flags[i] = true;
      left -= 1;
    }
  });
  return flags;
}

// Lookup tables derived once per search payload (the payload itself stays plain JSON).
const derived = new WeakMap();
function tables(search) {
  let t = derived.get(search);
  if (!t) {
    const syn = search.synonyms;
    const byStart = new Map();
    for (const [phrase, g] of syn.phrases) {
      if (!byStart.has(phrase[0])) byStart.set(phrase[0], []);
      byStart.get(phrase[0]).push([phrase, g]);
    }
    const vocab = new Set();
    for (const entry of search.steps) for (const term of Object.keys(entry.w)) if (!term.startsWith("~")) vocab.add(term);
    t = {
      stop: new Set(search.stopwords), fillers: new Set(syn.fillers || []), negators: new Set(search.negators || []),
      particles: PARTICLES, links: syn.links, byStart, vocab,
      sortedVocab: [...vocab].sort(), known: new Set([...Object.keys(syn.single), ...syn.affix.map((a) => a[0])]),
      affixMemo: new Map(), gapMax: syn.gapMax || 0,
      gaps: new Set(search.stopwords.map(stem).filter((s) => !(syn.gapKeep || []).map(stem).includes(s))),
    };
    derived.set(search, t);
  }
  return t;
}

/** Positions of `phrase` starting at seq[i], with up to gapMax stopwords between its words; as synonyms.phrase_span. */
function phraseSpan(seq, i, phrase, t) {
  let j = i;
  let skipped = 0;
  const span = [];
  for (let k = 0; k < phrase.length; k++) {
    while (k && j < seq.length && seq[j] !== phrase[k] && t.gaps.has(seq[j]) && skipped < t.gapMax) {
      j += 1;
      skipped += 1;
    }
    if (j >= seq.length || seq[j] !== phrase[k]) return [];
    span.push(j);
    j += 1;
  }
  return span;
}

const phraseAt = (seq, i, phrase, t) => phraseSpan(seq, i, phrase, t).length > 0;

function affixGroups(token, syn, t, vocab) {
  const memo = t.affixMemo.get(token);
  if (memo) return memo;
  const known = (o) => o.length >= 3 && (t.known.has(o) || vocab.has(o) || t.known.has(stem(o)) || vocab.has(stem(o)));
  const found = [];
  for (const [part, g] of syn.affix) {
    if (token === part) continue;
    let options;
    if (token.startsWith(part)) {
      const rest = token.slice(part.length);
      options = [rest, ...t.links.filter((l) => rest.startsWith(l)).map((l) => rest.slice(l.length))];
    } else if (token.endsWith(part)) {
      const rest = token.slice(0, token.length - part.length);
      options = [rest, ...t.links.filter((l) => rest.endsWith(l)).map((l) => rest.slice(0, rest.length - l.length))];
    } else continue;
    if (options.some(known)) found.push(g);
  }
  t.affixMemo.set(token, found);
  return found;
}

/** Groups in a sequence of stems with negation flags, as synonyms.groups_in_clause. */
export function groupsInClause(seq, flags, search, vocab) {
  const syn = search.synonyms;
  const t = tables(search);
  const found = [];
  const covered = new Set();
  seq.forEach((token, i) => {
    if (!flags[i]) for (const [phrase] of t.byStart.get(token) || []) for (const j of phraseSpan(seq, i, phrase, t)) covered.add(j);
  });
  const add = (g) => { if (!found.includes("~" + g)) found.push("~" + g); };
  seq.forEach((token, i) => {
    if (!flags[i] && covered.has(i)) {
      for (const [phrase, g] of t.byStart.get(token) || []) if (phraseAt(seq, i, phrase, t)) add(g);
    } else if (!flags[i]) {
      for (const g of own(syn.single, token) || []) add(g);
      if (token.length > syn.affixMin) for (const g of affixGroups(token, syn, t, vocab)) add(g);
      for (const [phrase, g] of t.byStart.get(token) || []) {
        if (phraseAt(seq, i, phrase, t)) add(g);
      }
    }
  });
  return found;
}

/** Synonym groups ('~group') found in a text, as synonyms.groups_in (no vocabulary, no negation). */
export function groupsIn(text, synOrSearch) {
  const search = synOrSearch.synonyms ? synOrSearch : { synonyms: synOrSearch, stopwords: [], steps: [], params: {} };
  const t = tables(search);
  const seq = words(text).filter((w) => !t.fillers.has(w)).map(stem);
  return groupsInClause(seq, seq.map(() => false), search, new Set());
}

/** Groups matched by a phrase of several words, as synonyms.phrase_groups. */
export function phraseGroups(seq, flags, search) {
  const t = tables(search);
  const found = [];
  seq.forEach((token, i) => {
    if (flags[i]) return;
    for (const [phrase, g] of t.byStart.get(token) || []) {
      if (phraseAt(seq, i, phrase, t) && !found.includes("~" + g)) found.push("~" + g);
    }
  });
  return found;
}

/** One letter changed, added, dropped, or two neighbours swapped; as index._distance_one. */
export function distanceOne(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1
      && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** The route's stems in an unknown compound, as index.compound_parts. */
export function compoundParts(word, search) {
  const t = tables(search);
  for (let i = 3; i < word.length - 3; i++) {
    const head = stem(word.slice(i));
    if (!t.vocab.has(head) || t.stop.has(word.slice(i))) continue;
    const mod = word.slice(0, i);
    const options = [mod, ...t.links.filter((l) => mod.endsWith(l) && mod.length - l.length >= 3)
      .map((l) => mod.slice(0, mod.length - l.length))];
    // the modifier counts as written too ("reken-" of rekenen), as index.compound_parts
    const known = [...new Set(options.flatMap((m) => [stem(m), m]))].filter((s) => t.vocab.has(s) || t.known.has(s));
    if (known.length) return [head, ...known.filter((s) => t.vocab.has(s)).slice(0, 1)];
  }
  return [];
}

const PARTICLES_SORTED = [...PARTICLES].sort();

/** The verb of a regular past participle, when the route uses it; as index.participle_base. */
export function participleBase(word, search) {
  const t = tables(search);
  let base = "";
  if (word.startsWith("ge") && word.length >= 6) base = word.slice(2);
  else {
    for (const particle of PARTICLES_SORTED) {
      if (word.startsWith(particle + "ge") && word.length >= particle.length + 5) {
        base = particle + word.slice(particle.length + 2);
        break;
      }
    }
  }
  if (!base) return [];
  const options = "dt".includes(base[base.length - 1]) ? [base, base.slice(0, -1)] : [base];
  // the verb stem as written too ('toeken' of toegekend), as index.participle_base
  return [...new Set(options.flatMap((o) => [stem(o), o]))].filter((s) => t.vocab.has(s)).slice(0, 1);
}

function clauseTerms(clause, search) {
  const t = tables(search);
  const p = search.params;
  const found = [];
  const content = [];
  const flags = negated(clause, search);
  clause.forEach((word, i) => {
    if (flags[i] || t.stop.has(word) || word.length <= 1) return;
    const s = stem(word);
    found.push([s, 1.0]);
    const participle = participleBase(word, search);
    for (const v of participle) found.push([v, p.part]);
    if (t.vocab.has(s) || own(search.synonyms.single, s) || !/^[a-z]+$/.test(word)) {
      content.push(s);
      return;
    }
    const agent = word.length >= 6 && word.endsWith("er") && t.vocab.has(stem(word.slice(0, -2))) ? [stem(word.slice(0, -2))] : [];
    const parts = participle.length ? participle : agent.length ? agent : word.length >= p.compoundMin ? compoundParts(word, search) : [];
    for (const part of parts) found.push([part, p.part]);
    const typos = !parts.length && s.length >= p.typoMin
      ? t.sortedVocab.filter((known) => known[0] === s[0] && distanceOne(s, known)) : [];
    for (const known of typos) found.push([known, p.typo]);
    content.push([...parts, ...typos, s][0]);
  });
  clause.forEach((particle, i) => {
    // a particle closes the clause or stands before a preposition, as index.particle_ends
    if (!i || !t.particles.has(particle) || (i < clause.length - 1 && !t.particles.has(clause[i + 1]))) return;
    for (const word of clause.slice(0, i)) {
      const joined = stem(particle + word);
      if (t.vocab.has(joined)) found.push([joined, p.part]);
    }
  });
  const kept = clause.map((w, i) => [w, flags[i]]).filter(([w]) => !t.fillers.has(w));
  const seq = kept.map(([w]) => stem(w));
  const neg = kept.map(([, n]) => n);
  const phrased = phraseGroups(seq, neg, search);
  for (const g of groupsInClause(seq, neg, search, t.vocab)) {
    found.push([g, phrased.includes(g) ? p.phrase : 1.0]);
  }
  return { found, content };
}

function best(pairs) {
  const map = new Map();
  for (const [term, factor] of pairs) if (factor > (map.get(term) || 0)) map.set(term, factor);
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Two neighbouring terms as one key, in alphabetical order, as index.pair. */
const pairKey = (a, b) => (a <= b ? a + " " + b : b + " " + a);

/** The weighted query of a description, as index.analyse: {terms, pairs, before, down}. */
export function analyse(text, search) {
  const perClause = clauses(text, tables(search).stop).map((c) => clauseTerms(c, search));
  const shiftGroup = search.params.shiftGroup;
  const failed = perClause.findIndex((c) => c.found.some(([term]) => term === shiftGroup));
  const settled = perClause.findIndex((c) => c.found.some(([term]) => term === search.params.backGroup));
  const last = failed >= 0 ? failed : settled;
  const content = perClause.flatMap((c) => c.content);
  const pairs = [...new Set(content.slice(1).map((b, i) => pairKey(content[i], b)))].sort();
  return {
    terms: best(perClause.flatMap((c) => c.found)),
    pairs,
    before: last >= 0 ? best(perClause.slice(0, last + 1).flatMap((c) => c.found)) : [],
    down: failed < 0 && settled >= 0,
  };
}

/** Query terms, sorted and unique (the terms of `analyse`, without their factors). */
export function queryTerms(text, search) {
  return analyse(text, search).terms.map(([term]) => term);
}

/** Sum of factor × weight; a group counts less where its own word matched too (as index._weighted). */
function weighted(entry, found, search) {
  const twice = new Set();
  for (const [term] of found) {
    if (own(entry.w, term) !== undefined) for (const g of own(search.synonyms.single, term) || []) twice.add("~" + g);
  }
  let total = 0;
  for (const [term, factor] of found) {
    const weight = own(entry.w, term) || 0;
    total += factor * (twice.has(term) ? weight * search.params.sameWord : weight);
  }
  return total;
}

/** Ranked steps [{id, score, index, query}] with a positive score, best first; near-ties go to the earlier step. */
export function rank(text, search) {
  const query = analyse(text, search);
  const bonus = search.bonus;
  const final = search.steps.map((entry) => {
    let total = weighted(entry, query.terms, search);
    const together = new Set(entry.b);
    for (const pair of query.pairs) if (together.has(pair)) total += bonus;
    return total;
  });
  if (query.before.length) {
    const done = search.steps.map((entry) => weighted(entry, query.before, search));
    const share = query.down ? search.params.shiftBack : search.params.shift;
    search.steps.forEach((entry, i) => {
      const target = query.down ? entry.back : entry.next;
      if (target >= 0) {
        final[target] += share * done[i];
        final[i] -= share * done[i];
      }
    });
  }
  const n = final.length;
  const prior = search.params.order;
  const terms = query.terms.map(([term]) => term);
  return search.steps.map((entry, index) => ({ id: entry.id, score: final[index] * (1 - prior * index / n), index, query: terms }))
    .filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
}

// Signal texts go through the same pipeline as the query, here rather than at build time:
// shipping their terms would add a kilobyte or more per route to the page.
export function matchedSignals(entry, query, search) {
  const wanted = new Set(query);
  return entry.signals
    .map((text) => ({ text, hits: queryTerms(text, search).filter((t) => wanted.has(t)).length }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 2)
    .map((s) => s.text);
}

export function matchedWords(text, entry, search) {
  const stop = new Set(search.stopwords);
  const seen = new Set();
  return words(text).filter((w) => {
    const hit = !stop.has(w) && w.length > 1 && own(entry.w, stem(w)) && !seen.has(stem(w));
    if (hit) seen.add(stem(w));
    return hit;
  });
}

// ---------------------------------------------------------------------------------------
// Confirm before advising: the one question of the route's own tree that best separates
// the top candidates. Pure functions over the payload (data.questions, data.start).
// ---------------------------------------------------------------------------------------

const reachMemo = new WeakMap();

/** Per question id: for each answer, the outcome steps it can still lead to (tree order). */
export function reachable(data) {
  let found = reachMemo.get(data);
  if (found) return found;
  found = {};
  const visit = (qid, path) => {
    if (found[qid]) return found[qid];
    const q = data.questions[qid];
    if (!q || path.includes(qid)) return [];
    const perAnswer = q.answers.map((a) => {
      if (a.outcome) return [a.outcome];
      if (!a.next) return [];
      return [...new Set(visit(a.next, [...path, qid]).flat())];
    });
    found[qid] = perAnswer;
    return perAnswer;
  };
  Object.keys(data.questions).forEach((qid) => visit(qid, []));
  reachMemo.set(data, found);
  return found;
}

/** Question ids under (and including) `qid`, in tree order. */
export function subtree(data, qid) {
  const out = [];
  const walk = (id) => {
    const q = data.questions[id];
    if (!q || out.includes(id)) return;
    out.push(id);
    q.answers.forEach((a) => { if (a.next) walk(a.next); });
  };
  walk(qid);
  return out;
}

/**
 * The question that best tells the candidates [{id, score}] apart, or null when none does.
 *
 * A question that can lead to every candidate comes first: one that cannot lead to c
 * would leave a person whose step is c without a true answer. Among those, each candidate
 * counts with its share of the scores; a person whose step is c picks an answer that can
 * lead to c, and the expected error is the share of the other candidates that answer still
 * leaves. The smallest expected error wins; ties go to the earlier question in the tree. `within` limits the choice to those question ids (the rest of a path).
 */
export function separatingQuestion(data, candidates, within = null) {
  const reach = reachable(data);
  const total = candidates.reduce((sum, c) => sum + c.score, 0);
  if (candidates.length < 2 || total <= 0) return null;
  const p = Object.fromEntries(candidates.map((c) => [c.id, c.score / total]));
  const ids = within || subtree(data, data.start).concat(Object.keys(data.questions).filter((q) => !subtree(data, data.start).includes(q)));
  let best = null;
  for (const qid of ids) {
    const groups = (reach[qid] || []).map((steps) => candidates.filter((c) => steps.includes(c.id)).map((c) => c.id));
    if (groups.filter((g) => g.length).length < 2) continue;
    let error = 0;
    let missed = 0;
    for (const c of candidates) {
      const mine = groups.filter((g) => g.includes(c.id));
      if (!mine.length) { missed += 1; continue; }
      const left = mine.map((g) => 1 - p[c.id] / g.reduce((sum, id) => sum + p[id], 0));
      error += p[c.id] * left.reduce((a, b) => a + b, 0) / left.length;
    }
    if (!best || missed < best.missed || (missed === best.missed && error < best.error - 1e-12)) best = { qid, error, missed };
  }
  return best ? best.qid : null;
}

/**
 * After answer `index` to question `qid`: {outcome} when the answer settles it, else the
 * next question to ask {qid, candidates}. Candidates the answer cannot lead to drop out;
 * when none is left, the route's own tree goes on from the answer.
 */
export function afterAnswer(data, candidates, qid, index) {
  const answer = data.questions[qid].answers[index];
  if (answer.outcome) return { outcome: answer.outcome };
  const steps = reachable(data)[qid][index];
  const left = candidates.filter((c) => steps.includes(c.id));
  if (left.length === 1) return { outcome: left[0].id };
  const rest = subtree(data, answer.next);
  const pool = left.length ? left : steps.map((id) => ({ id, score: 1 }));
  const next = separatingQuestion(data, pool, rest) || answer.next;
  return { qid: next, candidates: pool };
}

/**
 * The candidates worth confirming among: the first three with a score. With only one, the
 * other steps join with a small share, so the question still confirms that one against
 * the rest of the route instead of advising unasked.
 */
export function candidatesOf(ranked, search = null) {
  const top = ranked.slice(0, 3).map((r) => ({ id: r.id, score: r.score }));
  if (top.length !== 1 || !search) return top;
  const small = top[0].score * 0.05;
  return [...top, ...search.steps.filter((s) => s.id !== top[0].id).map((s) => ({ id: s.id, score: small }))];
}
