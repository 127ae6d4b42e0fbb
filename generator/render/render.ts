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
import { prepareClips, speechTexts, type ClipSet } from "./clips.js";
import { trackKey } from "./key.js";
import { runPool } from "./pool.js";
import type { SiteOptions } from "../site/site.js";
import { writeOutputs } from "./outputs.js";
import { removeStaleTemps } from "./stale.js";
import { planCatalogTracks, selectTracks, trackIdentity, type PlannedTrack } from "./tracks.js";

export const ALBUM = "Upper Back Routine";
const SAFETY_COMMENT = "Not a substitute for professional medical advice. Move gently; stop if anything hurts.";

export interface RenderOptions {
  catalog: Catalog;
  engine: TtsEngine;
  /** Output folder of the download profile; other profiles go to their `subdir` inside it. */
  outDir: string;
  profiles: AudioProfile[];
  /** Render only this pace (default: every pace). */
  pace?: PaceId;
  only?: { routine?: string; exercise?: string };
  clipCacheDir?: string;
  /** The site beside the download MP3s: base URL of `outDir` for the feed, podcast title, owner, artwork URL. */
  site?: SiteOptions;
  /** Cover image embedded in every MP3 (JPEG or PNG). */
  artworkFile?: string;
  /** Tracks encoded at once (default 2). */
  concurrency?: number;
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
  const rateOf = (track: PlannedTrack) => catalog.paces[track.pace].speechRatePercent;
  const emit = options.onEvent ?? (() => undefined);
  const allTracks = planCatalogTracks(catalog);
  const selected = selectTracks(allTracks, { ...options.only, pace: options.pace });
  const artworkSha256 = options.artworkFile ? await sha256File(options.artworkFile) : undefined;
  const files = { written: 0, unchanged: 0 };

  // What exists: each profile's manifest entries, and which (track, profile) pairs are still current.
  const states = await Promise.all(profiles.map(async (profile) => {
    const dir = join(options.outDir, profile.subdir);
    await removeStaleTemps(dir);
    const entries = new Map((await readManifest(join(dir, "manifest.json")).catch(() => ({ tracks: [] as Track[] }))).tracks.map((t) => [trackIdentity(t), t]));
    return { profile, dir, entries };
  }));
  const jobs: { track: PlannedTrack; state: (typeof states)[number]; key: string; tags: TrackTags }[] = [];
  let unchanged = 0;
  for (const state of states) {
    for (const track of selected) {
      const tags: TrackTags = { title: track.title, album: ALBUM, artist: ALBUM, genre: "Speech", comment: SAFETY_COMMENT };
      const key = trackKey({ timeline: track.timeline, engine, ratePercent: rateOf(track), profile: state.profile, tags, artworkSha256 });
      const entry = state.entries.get(trackIdentity(track));
      if (!options.force && entry?.key === key && entry.file === track.file && (await sizeOf(join(state.dir, track.file))) === entry.bytes) {
        unchanged++;
        files.unchanged++;
      } else {
        jobs.push({ track, state, key, tags });
      }
    }
  }
  // Longest first, so the pool does not end waiting on the big routine.
  jobs.sort((a, b) => b.track.timeline.cues.length - a.track.timeline.cues.length);
  // Paces may speak at different rates: each rate gets its own clips (and levelled copies of them).
  const rates = [...new Set(jobs.map((j) => rateOf(j.track)))];
  const textsByRate = new Map(rates.map((rate) => [rate, speechTexts(jobs.filter((j) => rateOf(j.track) === rate).map((j) => j.track.timeline))]));
  const textCount = [...textsByRate.values()].reduce((n, texts) => n + texts.length, 0);
  emit({ type: "planned", jobs: jobs.length, unchanged, texts: textCount });

  const cache = createClipCache({ dir: options.clipCacheDir ?? DEFAULT_CLIP_CACHE_DIR, engine });
  let encodes = 0;
  const stages = { clipsMs: 0, assembleMs: 0, encodeMs: 0, measureMs: 0 };
  // Largest MP3 peak overshoot seen per profile (measured TP − PCM ceiling − gain): later tracks keep that much more room.
  const overshoot = new Map<string, number>();
  let encodedAudioMs = 0;
  let done = 0;
  try {
    const clipsStarted = performance.now();
    const voices = new Map<number, { clips: ClipSet; levelCache: Map<string, LevelledClip> }>();
    let clipsDone = 0;
    for (const [ratePercent, texts] of textsByRate) {
      const clips = await prepareClips(texts, cache, {
        ratePercent,
        sampleRate: engine.sampleRate,
        concurrency: engine.id === "polly" ? 8 : Math.max(1, options.concurrency ?? 2),
        signal: options.signal,
        onClip: () => emit({ type: "clip", done: ++clipsDone, total: textCount }),
      });
      voices.set(ratePercent, { clips, levelCache: new Map() });
    }
    stages.clipsMs = performance.now() - clipsStarted;
    await runPool(jobs, options.concurrency ?? 2, async ({ track, state, key, tags }) => {
      emit({ type: "track-start", done, total: jobs.length, id: track.id, profile: state.profile.id });
      const { clips, levelCache } = voices.get(rateOf(track))!;
      const out = await renderTrack({
        timeline: track.timeline,
        clip: clips.get,
        rate: clips.rate,
        profile: state.profile,
        tags,
        artworkFile: options.artworkFile,
        outFile: join(state.dir, track.file),
        levelCache,
        peakMarginDb: learnedMargin(state.profile.peakMarginDb, overshoot.get(state.profile.id)),
        signal: options.signal,
        beforeRename: options.beforeRename && ((temp) => options.beforeRename!(track, state.profile, temp)),
      });
      for (const p of out.passes) {
        const seen = p.measured.truePeakDbtp - (p.ceilingDb + p.gainDb);
        overshoot.set(state.profile.id, Math.max(overshoot.get(state.profile.id) ?? -Infinity, seen));
      }
      state.entries.set(trackIdentity(track), {
        id: track.id,
        kind: track.kind,
        title: track.title,
        file: track.file,
        durationMs: out.layout.durationMs,
        chapters: out.layout.chapters,
        segments: out.layout.segments,
        description: track.description,
        pace: track.pace,
        bytes: out.bytes,
        loudness: {
          integratedLufs: out.loudness.integratedLufs,
          truePeakDbtp: out.loudness.truePeakDbtp,
          encodes: out.encodes,
          passes: out.passes.map((p) => ({ ceilingDb: p.ceilingDb, gainDb: p.gainDb, integratedLufs: p.measured.integratedLufs, truePeakDbtp: p.measured.truePeakDbtp })),
        },
        profile: state.profile.id,
        sha256: out.sha256,
        key,
      });
      encodes += out.encodes;
      stages.assembleMs += out.timings.assembleMs;
      stages.encodeMs += out.timings.encodeMs;
      stages.measureMs += out.timings.measureMs;
      encodedAudioMs += out.layout.durationMs;
      files.written++;
      emit({ type: "track", done: ++done, total: jobs.length, id: track.id, profile: state.profile.id, durationMs: out.layout.durationMs, encodes: out.encodes });
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
    audioMs: first ? selected.reduce((ms, t) => ms + (first.entries.get(trackIdentity(t))?.durationMs ?? 0), 0) : 0,
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

// The profile's margin, or the largest overshoot seen plus 0.3 dB rounded up to half a dB (so clips are
// re-levelled at a new ceiling rarely, not after every track).
function learnedMargin(profileMarginDb: number, overshootDb: number | undefined): number {
  if (overshootDb === undefined || overshootDb + 0.3 <= profileMarginDb) return profileMarginDb;
  return Math.ceil((overshootDb + 0.3) * 2) / 2;
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
