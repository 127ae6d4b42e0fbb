// Unknown exercise and routine names: never start something else; say what was not recognised, name the nearest
// matches (by shared words and spelling), and ask.
import type { Catalog } from "../../content/load.js";
import { spokenList } from "./speech.js";

interface Named {
  id: string;
  title: string;
  names: string[];
}

function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z' ]+/g, " ").split(/\s+/).filter((w) => w.length > 2 && !["the", "and", "with", "one", "my"].includes(w));
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** How close a heard phrase is to one name: shared words count most, then similar spelling (0 … 1). */
function closeness(heard: string, name: string): number {
  const h = words(heard);
  const n = words(name);
  const shared = h.filter((w) => n.some((m) => m === w || (w.length > 3 && editDistance(w, m) <= 1))).length;
  const spelling = 1 - editDistance(heard.toLowerCase(), name.toLowerCase()) / Math.max(heard.length, name.length, 1);
  return (h.length > 0 ? shared / h.length : 0) * 0.7 + spelling * 0.3;
}

/** Up to `count` titles closest to what was heard, best first; only reasonably close ones. */
function nearestTitles(heard: string, candidates: Named[], count = 2): string[] {
  return candidates
    .map((c) => ({ title: c.title, score: Math.max(...[c.title, ...c.names].map((n) => closeness(heard, n))) }))
    .filter((c) => c.score >= 0.35)
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((c) => c.title.toLowerCase());
}

/** The exercises as name candidates. */
export function exerciseNames(catalog: Catalog): Named[] {
  return [...catalog.exercises.values()].map((e) => ({ id: e.id, title: e.title, names: e.synonyms }));
}

/** The routines as name candidates. */
export function routineNames(catalog: Catalog): Named[] {
  return [...catalog.routines.values()].map((r) => ({ id: r.id, title: r.title, names: r.synonyms }));
}

/** "I didn't recognise X. Did you mean A or B?" — or, with nothing close, the choices that exist. */
export function unknownNameWords(kind: "exercise" | "routine", heard: string, candidates: Named[]): string[] {
  const near = nearestTitles(heard, candidates);
  const lead = `I don't know ${kind === "exercise" ? "an exercise" : "a routine"} called ${heard}.`;
  if (near.length > 0) return [lead, `The nearest I have ${near.length > 1 ? "are" : "is"} ${spokenList(near).replace(/, and | and /, " or ")}. Which would you like?`];
  const all = candidates.map((c) => c.title.toLowerCase());
  return [lead, `The ${kind}s I have are ${spokenList(all)}. Which would you like?`];
}
