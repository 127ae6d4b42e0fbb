// The manifest is the contract between the render and everything that lists its sessions (page, feed, skill):
// one typed shape, one zod schema, and a reader whose errors name the file, the field and the fix.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { PACE_IDS, type PaceId } from "./schema.js";
import type { PausePurpose } from "./timeline.js";
import { ID_PATTERN } from "./facts.js";

const Ms = z.number().int("must be a whole number of milliseconds").nonnegative("must be ≥ 0");
const KebabId = z.string().regex(ID_PATTERN, "must be kebab-case, e.g. cat-cow");
const PAUSE_PURPOSES = ["hold", "rest", "transition", "breath", "movement"] as const;

/** A relative path below the manifest's folder (e.g. `upper-back.mp3`), never absolute or climbing out. */
const RelativeFile = z
  .string()
  .min(1)
  .refine((f) => !f.startsWith("/") && !f.includes("\\") && !f.split("/").includes(".."), {
    message: "must be a path relative to the manifest's folder, e.g. upper-back.mp3",
  });

function ordered<T extends { startMs: number; endMs: number }>(value: T): boolean {
  return value.endMs >= value.startMs;
}
const endAfterStart = { message: "endMs must be at least startMs", path: ["endMs"] };

/** One ID3/podcast chapter: an exercise of a routine, or a variant of an exercise. */
const ChapterSchema = z
  .object({ id: z.string().min(1), title: z.string().min(1), startMs: Ms, endMs: Ms })
  .refine(ordered, endAfterStart);

/** A measured stretch of the audio; pauses hold no speech, only the soft bed or silence (tests check the MP3). */
const SegmentSchema = z
  .object({
    type: z.enum(["speech", "pause", "chime"]),
    startMs: Ms,
    endMs: Ms,
    text: z.string().optional(),
    purpose: z.enum(PAUSE_PURPOSES).optional(),
  })
  .refine(ordered, endAfterStart);

/** Loudness of the track as the render measured it, and the deepest peak limiting its voice got (gainReductionDb). */
const LoudnessSchema = z.looseObject({ integratedLufs: z.number(), truePeakDbtp: z.number(), gainReductionDb: z.number().nonnegative().optional() });

/** One MP3: the DESIGN.md fields, plus optional extras the page, feed and render use. */
const TrackSchema = z
  .object({
    id: KebabId,
    kind: z.enum(["routine", "exercise"]),
    title: z.string().min(1),
    file: RelativeFile,
    durationMs: Ms,
    chapters: z.array(ChapterSchema),
    segments: z.array(SegmentSchema),
    /** Every track exists at every pace; standard is `<kind>-<id>.mp3`, the others `<kind>-<id>-<pace>.mp3`. */
    pace: z.enum(PACE_IDS as [PaceId, ...PaceId[]]),
    // Optional extras: what the page/feed can show and what the render uses to skip work.
    description: z.string().optional(),
    bytes: z.number().int().positive().optional(),
    loudness: LoudnessSchema.optional(),
    profile: z.string().optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits").optional(),
    key: z.string().optional(),
    /** The WebVTT transcript beside the MP3 (`routine-quick-gentle.vtt`), written from the speech segments. */
    transcript: RelativeFile.optional(),
    /** When this track was first rendered (ISO 8601, UTC): the feed's pubDate, kept by every later render. */
    publishedAt: z.iso.datetime({ message: "must be an ISO 8601 UTC time, e.g. 2026-12-01T00:00:00Z" }).optional(),
  })
  .superRefine((track, ctx) => {
    const late = (items: { endMs: number }[], field: string) =>
      items.forEach((item, i) => {
        if (item.endMs > track.durationMs) {
          ctx.addIssue({ code: "custom", path: [field, i, "endMs"], message: `must not pass durationMs (${track.durationMs})` });
        }
      });
    late(track.chapters, "chapters");
    late(track.segments, "segments");
  });

/** `manifest.json` as DESIGN.md fixes it: `{ tracks: [...] }`, one entry per (kind, id, pace). */
const ManifestSchema = z
  .object({ tracks: z.array(TrackSchema) })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.tracks.forEach((track, i) => {
      const key = `${track.kind} ${track.id} at ${track.pace}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["tracks", i, "id"], message: `duplicate track: ${key}` });
      seen.add(key);
    });
  });

export type Segment = z.infer<typeof SegmentSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

// Compile-time guard: the manifest's pause purposes are exactly the timeline's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _samePurposes: Same<PausePurpose, (typeof PAUSE_PURPOSES)[number]> = true;
void _samePurposes;

/** Thrown for a manifest that is missing, not JSON, or not of the contract's shape. */
export class ManifestError extends Error {
  override name = "ManifestError";
}

/** Validates an already-parsed value; `source` names it in errors (`dist/sessions/manifest.json`). */
export function parseManifest(value: unknown, source = "manifest"): Manifest {
  const result = ManifestSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${source}: ${formatPath(issue.path) || "(root)"}: ${issue.message}`);
  throw new ManifestError(
    `${problems.join("\n")}\n(fix: re-run \`npx upper-back render\` to rewrite the manifest, or correct the fields above)`,
  );
}

function unreadable(path: string, error: unknown): ManifestError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ManifestError(
    code === "ENOENT"
      ? `${path}: no manifest here (fix: run \`npx upper-back render\` first, or pass the folder it wrote to)`
      : `${path}: cannot read the manifest: ${(error as Error).message}`,
  );
}

function manifestFromText(text: string, path: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${path}: not valid JSON: ${(error as Error).message} (fix: re-run \`npx upper-back render\`)`);
  }
  return parseManifest(value, path);
}

/** Reads and validates a manifest file, so page, feed and skill never work from a broken one. */
export async function readManifest(path: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw unreadable(path, error);
  }
  return manifestFromText(text, path);
}

/** The same, synchronously, for start-up and build code (the skill's config, the Lambda bundler). */
export function readManifestSync(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw unreadable(path, error);
  }
  return manifestFromText(text, path);
}

/** Routines first, then exercises, each in manifest order: the order of the page and the feed. */
export function publishOrder(manifest: Manifest): Track[] {
  return [...manifest.tracks.filter((t) => t.kind === "routine"), ...manifest.tracks.filter((t) => t.kind === "exercise")];
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}
