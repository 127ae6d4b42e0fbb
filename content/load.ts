import { isUtf8 } from "node:buffer";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from "yaml";
import type { z } from "zod";
import { Exercise, Paces, Routine, Safety, type ExerciseT, type PaceId, type PaceT, type RoutineT, type SafetyT } from "./schema.js";

/** Folder holding exercises/, routines/ and paces.yaml. */
export const contentDir = dirname(fileURLToPath(import.meta.url));

/** All content, validated and cross-checked. */
export interface Catalog {
  exercises: Map<string, ExerciseT>;
  routines: Map<string, RoutineT>;
  paces: Record<PaceId, PaceT>;
  safety: SafetyT;
  defaultRoutineId: string;
}

/** A content problem a person can fix: the message names file, line, field and the fix. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${field ? `${field}: ` : ""}${problem}`);
    this.name = "ContentError";
  }
}

/** Collects every problem so one `validate` run reports them all, not just the first. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "ContentErrors";
  }
}

interface Parsed<T> {
  value: T;
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}

function position(doc: Document.Parsed, lines: LineCounter, path: (string | number)[]): { line: number; col: number } {
  // Walk up the path until a node with a source range is found (a missing key points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, col };
    }
  }
  return { line: 1, col: 1 };
}

/** Content files are a few KB each; a file this large is a mistake (or hostile) and is refused before parsing. */
const MAX_FILE_BYTES = 256 * 1024;
/** YAML aliases a file may expand; real content uses none, an alias bomb needs thousands. */
const MAX_ALIAS_COUNT = 50;

// Reads a content file as text, refusing files that are too large or not valid UTF-8 (which would be spoken as U+FFFD).
function readContentText(file: string, shown: string, errors: ContentError[]): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    errors.push(new ContentError(shown, 1, 1, "", `cannot read the file (${reason}) (fix: restore it from git or check its permissions)`));
    return undefined;
  }
  if (bytes.length > MAX_FILE_BYTES) {
    errors.push(oversizedFile(bytes, shown));
    return undefined;
  }
  // A newline byte never occurs inside a multi-byte UTF-8 sequence, so checking line by line finds the exact line.
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
    if (!isUtf8(bytes.subarray(start, end))) {
      errors.push(new ContentError(shown, line, 1, "", "is not valid UTF-8 (fix: save the file as UTF-8; retype any character shown as �)"));
      return undefined;
    }
    start = end + 1;
  }
  return bytes.toString("utf8");
}

/** No field's value is this long (the longest limit is LIMITS.seedQuote): a line this long is located by its field. */
const LONG_LINE = 4096;
/** What comes before a value on a line: indentation, list dashes and a `key:`. */
const VALUE_PREFIX = /^\s*(?:-\s+)*(?:[^\s#:'"][^#:]*:(?:\s+|$))?/;

// A file over the size limit is refused before it is parsed. When one line makes it so (a megabyte pasted into one
// field), the error names that line and its field, found by parsing a copy with every long value cut to "x".
function oversizedFile(bytes: Buffer, shown: string): ContentError {
  const size = `the file is ${Math.ceil(bytes.length / 1024)} KiB; content files may be at most ${MAX_FILE_BYTES / 1024} KiB (fix: shorten it)`;
  const lineTexts = bytes.toString("utf8").split("\n");
  const longest = lineTexts.reduce((best, l, i) => (l.length > lineTexts[best]!.length ? i : best), 0);
  const text = lineTexts[longest]!;
  if (text.length < LONG_LINE) return new ContentError(shown, 1, 1, "", size);
  const prefix = VALUE_PREFIX.exec(text)![0];
  const cut = lineTexts.map((l) => (l.length >= LONG_LINE ? `${VALUE_PREFIX.exec(l)![0]}x` : l)).join("\n");
  let field = prefix.replace(/^[\s-]*/, "").replace(/:\s*$/, "");
  if (Buffer.byteLength(cut) <= MAX_FILE_BYTES) {
    const lines = new LineCounter();
    const doc = parseDocument(cut, { lineCounter: lines, prettyErrors: false });
    const path = doc.errors.length === 0 ? pathAtLine(doc.contents, lines, longest + 1) : undefined;
    if (path?.length) field = path.join(".");
  }
  return new ContentError(shown, longest + 1, prefix.length + 1, field, `is ${text.length - prefix.length} characters on one line; ${size}`);
}

// The path (as the schema's messages name fields: variants.0.setup.1.say) of the value that starts on `line`.
function pathAtLine(node: unknown, lines: LineCounter, line: number, path: (string | number)[] = []): (string | number)[] | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const found = pathAtLine(pair.value, lines, line, [...path, isScalar(pair.key) ? String(pair.key.value) : "?"]);
      if (found) return found;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const found = pathAtLine(item, lines, line, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  return isNode(node) && node.range && lines.linePos(node.range[0]).line === line ? path : undefined;
}

// The document as plain data; an alias bomb is refused (naming the first alias) instead of expanding in memory.
function toData(doc: Document.Parsed, lines: LineCounter, text: string, shown: string, errors: ContentError[]): { data: unknown } | undefined {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    // The first `*alias` in the text (the Lambda bundle stubs yaml's exports, so no visitor here).
    const textLines = text.split("\n");
    const index = textLines.findIndex((l) => /(^|[\s,[{:-])\*[^\s,\]}]+/.test(l));
    const line = index >= 0 ? index + 1 : 1;
    const col = index >= 0 ? textLines[index]!.search(/\*[^\s,\]}]/) + 1 : 1;
    const problem = `YAML aliases expand too far (${(error as Error).message}; at most ${MAX_ALIAS_COUNT} alias uses) (fix: write the values out instead of using & and *)`;
    errors.push(new ContentError(shown, line, col, pathAtLine(doc.contents, lines, line)?.join(".") ?? "", problem));
    return undefined;
  }
}

function parseFile<S extends z.ZodType>(file: string, schema: S, errors: ContentError[]): Parsed<z.infer<S>> | undefined {
  const shown = displayPath(file);
  const text = readContentText(file, shown, errors);
  if (text === undefined) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = lines.linePos(e.pos[0]);
      errors.push(new ContentError(shown, line, col, "", `YAML syntax: ${e.message.split("\n")[0]} (fix the indentation or quoting here)`));
    }
    return undefined;
  }
  const parsed = toData(doc, lines, text, shown, errors);
  if (!parsed) return undefined;
  // reportInput keeps the wrong value in each issue, so the message can say what was found.
  const result = schema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const { line, col } = position(doc, lines, path);
      errors.push(new ContentError(shown, line, col, path.join(".") || "(file)", issueMessage(issue)));
    }
    return undefined;
  }
  return { value: result.data, file: shown, doc, lines };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field ${issue.keys.join(", ")} (remove it or check its spelling)`;
  if (issue.code === "invalid_type" && issue.input === undefined) return `is required (add ${String(issue.path.at(-1))}: ...)`;
  if (issue.code === "invalid_type") return `expected ${article(issue.expected)}, got ${describeValue(issue.input)}`;
  if (issue.code === "too_big" && issue.origin === "string") {
    return `is ${String((issue.input as string).length)} characters; at most ${String(issue.maximum)} allowed (fix: split it into shorter lines)`;
  }
  return issue.message;
}

function article(type: string): string {
  const names: Record<string, string> = { array: "a list", object: "a mapping (key: value lines)", int: "a whole number" };
  return names[type] ?? `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

// What a wrong value is, in YAML words: the string "five", the number 5, a list, a mapping, null.
function describeValue(value: unknown): string {
  if (value === null) return "null (an empty value)";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : typeof value;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => join(dir, f));
}

function at<T>(p: Parsed<T>, path: (string | number)[], field: string, problem: string): ContentError {
  const { line, col } = position(p.doc, p.lines, path);
  return new ContentError(p.file, line, col, field, problem);
}

/** Loads and validates all content; throws ContentErrors listing every problem found. */
export function loadCatalog(dir: string = contentDir): Catalog {
  const errors: ContentError[] = [];
  const exercises = new Map<string, ExerciseT>();
  const routines = new Map<string, RoutineT>();

  // Exercises whose file is broken (already reported): routines naming them get no second, misleading error.
  const broken = new Set<string>();
  for (const file of yamlFiles(join(dir, "exercises"))) {
    const p = parseFile(file, Exercise, errors);
    if (!p) {
      broken.add(basename(file, ".yaml"));
      continue;
    }
    if (`${p.value.id}.yaml` !== basename(file)) {
      errors.push(at(p, ["id"], "id", `must match the file name (rename the file to ${p.value.id}.yaml or the id to ${basename(file, ".yaml")})`));
    }
    p.value.variants.forEach((v, i) => {
      if (v.rep.some((ph) => ph.pause === "hold") && !v.hold) {
        errors.push(at(p, ["variants", i, "rep"], `variants.${i}.hold`, "a phase says pause: hold but the variant has no hold range (add hold: { min, max, seed|authored })"));
      }
      if (v.sides === "alternate" && !v.rep.some((ph) => ph.side)) {
        errors.push(at(p, ["variants", i, "sides"], `variants.${i}.sides`, "alternate needs phases labelled side: right / side: left"));
      }
    });
    exercises.set(p.value.id, p.value);
  }

  const parsedRoutines: Parsed<RoutineT>[] = [];
  for (const file of yamlFiles(join(dir, "routines"))) {
    const p = parseFile(file, Routine, errors);
    if (!p) continue;
    parsedRoutines.push(p);
    if (`${p.value.id}.yaml` !== basename(file)) {
      errors.push(at(p, ["id"], "id", `must match the file name (rename the file to ${p.value.id}.yaml)`));
    }
    p.value.items.forEach((item, i) => {
      const ex = exercises.get(item.exercise);
      if (!ex && broken.has(item.exercise)) return;
      if (!ex) {
        errors.push(at(p, ["items", i, "exercise"], `items.${i}.exercise`, `unknown exercise "${item.exercise}" (one of: ${[...exercises.keys()].join(", ")})`));
        return;
      }
      for (const vid of item.variants ?? []) {
        if (!ex.variants.some((v) => v.id === vid)) {
          errors.push(at(p, ["items", i, "variants"], `items.${i}.variants`, `exercise ${ex.id} has no variant "${vid}" (one of: ${ex.variants.map((v) => v.id).join(", ")})`));
        }
      }
      if (item.maxReps !== undefined) {
        for (const v of ex.variants) {
          if (item.maxReps < v.reps.min) {
            errors.push(at(p, ["items", i, "maxReps"], `items.${i}.maxReps`, `must stay inside the seed's range: ${v.id} needs at least ${v.reps.min} reps (got ${item.maxReps})`));
          }
        }
      }
    });
    routines.set(p.value.id, p.value);
  }

  const pacesParsed = parseFile(join(dir, "paces.yaml"), Paces, errors);
  const safetyParsed = parseFile(join(dir, "safety.yaml"), Safety, errors);
  const defaults = parsedRoutines.filter((p) => p.value.default);
  if (parsedRoutines.length > 0 && defaults.length !== 1) {
    const p = defaults[1] ?? parsedRoutines[0]!;
    errors.push(at(p, ["default"], "default", `exactly one routine must have default: true (found ${defaults.length})`));
  }
  if (errors.length > 0) throw new ContentErrors(errors);
  return {
    exercises,
    routines,
    paces: pacesParsed!.value,
    safety: safetyParsed!.value,
    defaultRoutineId: defaults[0]!.value.id,
  };
}
