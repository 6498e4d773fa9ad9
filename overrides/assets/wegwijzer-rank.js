// Routewijzer wegwijzer: the free-text ranking, shared by the page script (wegwijzer.js)
// and the tests, which run it in node beside the Python side.
//
// The text functions below are exact twins of generator/wegwijzer/text.py and
// synonyms.py/index.py; tests/test_wegwijzer_text.py compares them in node.
// Pure functions only: no DOM, no storage, no network.

const VOWELS = new Set("aeiouy");

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

/** The compact Dutch stemmer; see text.stem for the rules. */
export function stem(input) {
  let w = input;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
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

/** Stems of meaningful words, as text.terms. */
export function terms(text, stopwords) {
  return words(text).filter((w) => !stopwords.has(w) && w.length > 1).map(stem);
}

/** Synonym groups ('~group') found in a text, as synonyms.groups_in. */
export function groupsIn(text, syn) {
  const seq = words(text).map(stem);
  const found = [];
  const add = (g) => { if (!found.includes("~" + g)) found.push("~" + g); };
  seq.forEach((token, i) => {
    for (const g of syn.single[token] || []) add(g);
    if (token.length > syn.affixMin) {
      for (const [part, g] of syn.affix) {
        if (token !== part && (token.startsWith(part) || token.endsWith(part))) add(g);
      }
    }
    for (const [phrase, g] of syn.phrases) {
      if (phrase.every((p, k) => seq[i + k] === p)) add(g);
    }
  });
  return found;
}

function bigrams(text, stopwords) {
  const seq = terms(text, stopwords);
  const pairs = [];
  for (let i = 0; i + 1 < seq.length; i++) pairs.push(seq[i] + " " + seq[i + 1]);
  return pairs;
}

const sortedUnique = (list) => [...new Set(list)].sort();

/** Query terms, sorted and unique, as index.query_terms. */
export function queryTerms(text, search) {
  const stop = new Set(search.stopwords);
  return sortedUnique([...terms(text, stop), ...groupsIn(text, search.synonyms)]);
}

/** Ranked steps [{id, score, index}] with a positive score, best first; ties keep route order. */
export function rank(text, search) {
  const query = queryTerms(text, search);
  const pairs = sortedUnique(bigrams(text, new Set(search.stopwords)));
  const scored = search.steps.map((entry, index) => {
    let total = 0;
    for (const t of query) total += entry.w[t] || 0;
    const own = new Set(entry.b);
    for (const p of pairs) if (own.has(p)) total += search.bonus;
    return { id: entry.id, score: total, index, query };
  });
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
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
    const hit = !stop.has(w) && w.length > 1 && entry.w[stem(w)] && !seen.has(stem(w));
    if (hit) seen.add(stem(w));
    return hit;
  });
}
