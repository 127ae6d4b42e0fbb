// The render: plan every track, skip the ones whose key and file are unchanged, synthesize only missing
// phrases, encode the rest (N at a time), then write the manifests, the chimes, the page and the feed.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Catalog } from "../../content/load.js";
import type { PaceId } from "../../content/schema.js";
import type { LevelledClip } from "../audio/level.js";
import type { TrackTags } from "../audio/metadata.js";
import type { AudioProfile } from "../audio/profiles.js";
import { renderTrack } from "../audio/track.js";
import { createClipCache, DEFAULT_CLIP_CACHE_DIR } from "../cache/clip-cache.js";
import { readManifest, type Track } from "../../content/manifest.js";
import type { EngineUsage, TtsEngine } from "../tts/engine.js";
import { prepareClips, speechTexts } from "./clips.js";
import { trackKey } from "./key.js";
import { runPool } from "./pool.js";
import type { SiteOptions } from "../site/site.js";
import { writeOutputs } from "./outputs.js";
import { removeStaleTemps } from "./stale.js";
import { planCatalogTracks, selectTracks, type PlannedTrack } from "./tracks.js";

export const ALBUM = "Upper Back Routine";
const SAFETY_COMMENT = "Not a substitute for professional medical advice. Move gently; stop if anything hurts.";

export interface RenderOptions {
  catalog: Catalog;
  engine: TtsEngine;
  /** Output folder of the download profile; other profiles go to their `subdir` inside it. */
  outDir: string;
  profiles: AudioProfile[];
  pace?: PaceId;
  only?: { routine?: string; exercise?: string };
  clipCacheDir?: string;
  /** The site beside the download MP3s: base URL of `outDir` for the feed, podcast title, owner, artwork URL. */
  site?: SiteOptions;
  /** Cover image embedded in every MP3 (JPEG or PNG). */
  artworkFile?: string;
  /** Tracks encoded at once (default 2). */
  concurrency?: number;
  /** Mix the generated sound bed under every session (default true; `--bed none` turns it off). */
  bed?: boolean;
  /** Re-encode even when unchanged. */
  force?: boolean;
  /** Write the site (index.html, feed.xml, chapters, artwork) for the download profile (default true). */
  writeSite?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: RenderEvent) => void;
  /** Test hook: runs with each finished temporary MP3 before it is renamed into place. */
  beforeRename?: (track: PlannedTrack, profile: AudioProfile, tempFile: string) => Promise<void>;
}

/** What the render reports as it goes (the CLI turns these into a progress bar or lines). */
export type RenderEvent =
  | { type: "planned"; jobs: number; unchanged: number; texts: number }
  | { type: "clip"; done: number; total: number }
  | { type: "track-start"; done: number; total: number; id: string; profile: string }
  | { type: "track"; done: number; total: number; id: string; profile: string; durationMs: number; encodes: number }
  | { type: "outputs"; files: number; changed: number };

/** The end-of-run summary. */
export interface RenderSummary {
  /** (track, profile) pairs in this render. */
  tracks: number;
  encoded: number;
  unchanged: number;
  /** Audio length of all tracks of the first profile, ms. */
  audioMs: number;
  /** Audio encoded in this run (all profiles), ms. */
  encodedAudioMs: number;
  encodes: number;
  /** Summed wall time of the track stages across all tracks (they overlap when concurrency > 1), ms. */
  stages: { clipsMs: number; assembleMs: number; encodeMs: number; measureMs: number };
  clips: { requested: number; synthesized: number; cacheHits: number };
  files: { written: number; unchanged: number };
  engine: EngineUsage & { id: string; voice: string };
  wallMs: number;
  manifests: string[];
}

/** Renders the catalogue (or one track of it) into MP3s, manifests and the site beside them. */
export async function renderCatalog(options: RenderOptions): Promise<RenderSummary> {
  const started = performance.now();
  const { catalog, engine, profiles } = options;
  const pace = options.pace ?? "standard";
  const ratePercent = catalog.paces[pace].speechRatePercent;
  const emit = options.onEvent ?? (() => undefined);
  const allTracks = planCatalogTracks(catalog, pace);
  const selected = selectTracks(allTracks, options.only ?? {});
  const artworkSha256 = options.artworkFile ? await sha256File(options.artworkFile) : undefined;
  const files = { written: 0, unchanged: 0 };

  // What exists: each profile's manifest entries, and which (track, profile) pairs are still current.
  const states = await Promise.all(profiles.map(async (profile) => {
    const dir = join(options.outDir, profile.subdir);
    await removeStaleTemps(dir);
    const entries = new Map((await readManifest(join(dir, "manifest.json")).catch(() => ({ tracks: [] as Track[] }))).tracks.map((t) => [t.id, t]));
    return { profile, dir, entries };
  }));
  const jobs: { track: PlannedTrack; state: (typeof states)[number]; key: string; tags: TrackTags }[] = [];
  let unchanged = 0;
  for (const state of states) {
    for (const track of selected) {
      const tags: TrackTags = { title: track.title, album: ALBUM, artist: ALBUM, genre: "Speech", comment: SAFETY_COMMENT };
      const key = trackKey({ timeline: track.timeline, engine, ratePercent, profile: state.profile, tags, artworkSha256, bed: options.bed ?? true });
      const entry = state.entries.get(track.id);
      if (!options.force && entry?.key === key && entry.file === track.file && (await sizeOf(join(state.dir, track.file))) === entry.bytes) {
        unchanged++;
        files.unchanged++;
      } else {
        jobs.push({ track, state, key, tags });
      }
    }
  }
  // One assembly per track feeds every profile that needs it; longest first, so the pool does not end waiting on the big routine.
  const byTrack = new Map<PlannedTrack, typeof jobs>();
  for (const job of jobs) byTrack.set(job.track, [...(byTrack.get(job.track) ?? []), job]);
  const trackJobs = [...byTrack].map(([track, targets]) => ({ track, targets }));
  trackJobs.sort((a, b) => b.track.timeline.cues.length - a.track.timeline.cues.length);
  const texts = speechTexts(trackJobs.map((j) => j.track.timeline));
  emit({ type: "planned", jobs: jobs.length, unchanged, texts: texts.length });

  const cache = createClipCache({ dir: options.clipCacheDir ?? DEFAULT_CLIP_CACHE_DIR, engine });
  const levelCache = new Map<string, LevelledClip>();
  let encodes = 0;
  const stages = { clipsMs: 0, assembleMs: 0, encodeMs: 0, measureMs: 0 };
  let encodedAudioMs = 0;
  let done = 0;
  try {
    const clipsStarted = performance.now();
    const clips = await prepareClips(texts, cache, {
      ratePercent,
      sampleRate: engine.sampleRate,
      concurrency: engine.id === "polly" ? 8 : Math.max(1, options.concurrency ?? 2),
      signal: options.signal,
      onClip: (n, total) => emit({ type: "clip", done: n, total }),
    });
    stages.clipsMs = performance.now() - clipsStarted;
    await runPool(trackJobs, options.concurrency ?? 2, async ({ track, targets }) => {
      const profileIds = targets.map((t) => t.state.profile.id).join("+");
      emit({ type: "track-start", done, total: jobs.length, id: track.id, profile: profileIds });
      const out = await renderTrack({
        timeline: track.timeline,
        clip: clips.get,
        rate: clips.rate,
        outputs: targets.map((t) => ({ profile: t.state.profile, outFile: join(t.state.dir, track.file) })),
        tags: targets[0]!.tags,
        artworkFile: options.artworkFile,
        bed: options.bed ?? true,
        levelCache,
        signal: options.signal,
        beforeRename: options.beforeRename && ((profile, temp) => options.beforeRename!(track, profile, temp)),
      });
      for (const [i, { state, key }] of targets.entries()) {
        const file = out.files[i]!;
        state.entries.set(track.id, {
          id: track.id,
          kind: track.kind,
          title: track.title,
          file: track.file,
          durationMs: out.layout.durationMs,
          chapters: out.layout.chapters,
          segments: out.layout.segments,
          description: track.description,
          pace,
          bytes: file.bytes,
          loudness: { ...file.loudness },
          profile: state.profile.id,
          sha256: file.sha256,
          key,
        });
        encodedAudioMs += out.layout.durationMs;
        files.written++;
        done++;
      }
      encodes += out.files.reduce((n, f) => n + f.loudness.encodes, 0);
      stages.assembleMs += out.timings.assembleMs;
      stages.encodeMs += out.timings.encodeMs;
      stages.measureMs += out.timings.measureMs;
      emit({ type: "track", done, total: jobs.length, id: track.id, profile: profileIds, durationMs: out.layout.durationMs, encodes: 1 });
    });
  } finally {
    // Also after a failure: tracks finished so far are recorded, so the next run resumes instead of redoing them.
    const outputs = await writeOutputs(states, allTracks, { site: options.site, writeSite: (options.writeSite ?? true) && done === jobs.length });
    files.written += outputs.written;
    files.unchanged += outputs.unchanged;
    emit({ type: "outputs", files: outputs.written + outputs.unchanged, changed: outputs.written });
  }

  const stats = cache.stats();
  const first = states[0];
  return {
    tracks: jobs.length + unchanged,
    encoded: jobs.length,
    unchanged,
    audioMs: first ? selected.reduce((ms, t) => ms + (first.entries.get(t.id)?.durationMs ?? 0), 0) : 0,
    encodedAudioMs,
    encodes,
    stages: { clipsMs: Math.round(stages.clipsMs), assembleMs: Math.round(stages.assembleMs), encodeMs: Math.round(stages.encodeMs), measureMs: Math.round(stages.measureMs) },
    clips: { requested: stats.requests, synthesized: stats.misses, cacheHits: stats.hits + stats.shared },
    files,
    engine: { id: engine.id, voice: engine.voice, ...engine.usage() },
    wallMs: Math.round(performance.now() - started),
    manifests: states.map((s) => join(s.dir, "manifest.json")),
  };
}

async function sizeOf(path: string): Promise<number | undefined> {
  return stat(path).then((s) => s.size, () => undefined);
}

async function sha256File(path: string): Promise<string> {
  try {
    return createHash("sha256").update(await readFile(path)).digest("hex");
  } catch (error) {
    throw new Error(`render: cannot read artwork ${path}: ${(error as Error).message} (fix: pass a JPEG or PNG file to --artwork)`);
  }
}
