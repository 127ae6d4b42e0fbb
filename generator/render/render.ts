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
import { renderTrack, type TrackOutput } from "../audio/track.js";
import { createClipCache, DEFAULT_CLIP_CACHE_DIR } from "../cache/clip-cache.js";
import { readManifest, type Track } from "../../content/manifest.js";
import type { EngineUsage, TtsEngine } from "../tts/engine.js";
import { prepareClips, speechTexts, type ClipSet } from "./clips.js";
import { trackKey } from "./key.js";
import { runPool } from "./pool.js";
import type { SiteOptions } from "../site/site.js";
import { trackEntry, writeOutputs } from "./outputs.js";
import { clearStash, stashTrack, takeStashedTrack } from "./resume.js";
import { checkFfmpeg } from "./preflight.js";
import { openStage } from "./staging.js";
import { removeStaleTemps } from "./stale.js";
import { lockFolder } from "../io/lock.js";
import { planCatalogTracks, selectTracks, trackIdentity, type PlannedTrack } from "./tracks.js";
import { MANIFEST_FILE, PRODUCT_NAME } from "../../content/facts.js";
import { currentSources, renderRoutine, routineSplicePlan, settled, spliceSources } from "./reuse.js";

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
  | { type: "track"; done: number; total: number; id: string; profile: string; durationMs: number; encodes: number; reusedMs?: number; encodedWhole?: string }
  | { type: "outputs"; files: number; changed: number }
  | { type: "lock"; state: "waiting" | "took-over"; pid: number; dir: string };

/** The end-of-run summary. */
export interface RenderSummary {
  /** (track, profile) pairs in this render. */
  tracks: number;
  encoded: number;
  unchanged: number;
  /** Finished by an earlier run that failed, taken from its stash instead of encoded again. */
  resumed: number;
  /** Audio length of all tracks of the first profile, ms. */
  audioMs: number;
  /** Audio encoded in this run (all profiles), ms. */
  encodedAudioMs: number;
  encodes: number;
  /** Routines joined from their exercises' encoded frames, the audio so reused (ms, per profile), and routines encoded whole instead, with why. */
  reuse: { joined: number; reusedMs: number; encodedWhole: { id: string; pace: string; why: string }[] };
  /** Summed wall time of the track stages across all tracks (they overlap when concurrency > 1), ms. */
  stages: { clipsMs: number; assembleMs: number; encodeMs: number; measureMs: number };
  /** `rejected`: cached clips that failed verification (hash, header, rate), dropped and synthesized again. */
  clips: { requested: number; synthesized: number; cacheHits: number; rejected: { path: string; problem: string }[] };
  files: { written: number; unchanged: number };
  engine: EngineUsage & { id: string; voice: string };
  wallMs: number;
  manifests: string[];
}

/**
 * Renders the catalogue (or one track of it) into MP3s, manifests and the site beside them. Holds the output
 * folder's render lock throughout, so a second render into the same folder waits and then adds its tracks.
 */
export async function renderCatalog(options: RenderOptions): Promise<RenderSummary> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => undefined);
  selectTracks(planCatalogTracks(options.catalog), { ...options.only, pace: options.pace }); // unknown ids fail before any wait
  await checkFfmpeg();
  const lock = await lockFolder(options.outDir, {
    signal: options.signal,
    onEvent: (event) => emit({ type: "lock", state: event.type, pid: event.holder.pid, dir: options.outDir }),
  });
  try {
    return await renderLocked(options, started);
  } finally {
    await lock.release();
  }
}

async function renderLocked(options: RenderOptions, started: number): Promise<RenderSummary> {
  const { catalog, engine, profiles } = options;
  const rateOf = (track: PlannedTrack) => catalog.paces[track.pace].speechRatePercent;
  const emit = options.onEvent ?? (() => undefined);
  const allTracks = planCatalogTracks(catalog);
  const selected = selectTracks(allTracks, { ...options.only, pace: options.pace });
  const artworkSha256 = options.artworkFile ? await sha256File(options.artworkFile) : undefined;
  const files = { written: 0, unchanged: 0 };

  // What exists: each profile's manifest entries, and which (track, profile) pairs are still current. This run
  // writes into a stage where the live MP3s are mirrored; the stage is switched into place only when all is written.
  const stage = await openStage(options.outDir);
  const states = await Promise.all(profiles.map(async (profile) => {
    const dir = join(options.outDir, profile.subdir);
    await removeStaleTemps(dir);
    const entries = new Map((await readManifest(join(dir, MANIFEST_FILE)).catch(() => ({ tracks: [] as Track[] }))).tracks.map((t) => [trackIdentity(t), t]));
    const stageDir = stage.dirFor(dir);
    await stage.mirror(dir, [...entries.values()].map((t) => t.file));
    return { profile, dir, stageDir, entries };
  }));
  const jobs: { track: PlannedTrack; state: (typeof states)[number]; key: string; tags: TrackTags }[] = [];
  const tagsOf = (track: PlannedTrack): TrackTags => ({ title: track.title, album: PRODUCT_NAME, artist: PRODUCT_NAME, genre: "Speech", comment: SAFETY_COMMENT });
  // A routine's key covers its sources' keys: it is laid out around them and joined from their frames.
  const keyOf = (track: PlannedTrack, profile: AudioProfile): string => {
    const sources = spliceSources(track, allTracks).map((s) => keyOf(s, profile));
    return trackKey({ timeline: track.timeline, engine, ratePercent: rateOf(track), profile, tags: tagsOf(track), artworkSha256, bed: options.bed ?? true, sources });
  };
  let unchanged = 0;
  for (const state of states) {
    for (const track of selected) {
      const tags = tagsOf(track);
      const key = keyOf(track, state.profile);
      const entry = state.entries.get(trackIdentity(track));
      if (!options.force && entry?.key === key && entry.file === track.file && (await sizeOf(join(state.dir, track.file))) === entry.bytes) {
        unchanged++;
        files.unchanged++;
      } else {
        jobs.push({ track, state, key, tags });
      }
    }
  }
  // Tracks a failed run finished were stashed by key: moved into the stage instead of encoded again.
  let resumed = 0;
  for (const job of [...jobs]) {
    const entry = await takeStashedTrack(options.outDir, job.state.profile.id, job.key, join(job.state.stageDir, job.track.file));
    if (!entry) continue;
    job.state.entries.set(trackIdentity(job.track), entry);
    jobs.splice(jobs.indexOf(job), 1);
    resumed++;
  }
  const entriesBefore = new Map(jobs.map((job) => [job, job.state.entries.get(trackIdentity(job.track))]));
  // One assembly per track feeds every profile that needs it; longest first, so the pool does not end waiting on the big routine.
  const byTrack = new Map<PlannedTrack, typeof jobs>();
  for (const job of jobs) byTrack.set(job.track, [...(byTrack.get(job.track) ?? []), job]);
  const trackJobs = [...byTrack].map(([track, targets]) => ({ track, targets }));
  // Exercises first (routines reuse their frames), longest first within each kind so the pool never ends waiting on one long track.
  trackJobs.sort((a, b) => Number(a.track.kind === "routine") - Number(b.track.kind === "routine") || b.track.timeline.cues.length - a.track.timeline.cues.length);
  // Paces may speak at different rates: each rate gets its own clips (and levelled copies of them). A routine's
  // plan needs its sources' clips too, even when they are not rendered in this run.
  const rates = [...new Set(trackJobs.map((j) => rateOf(j.track)))];
  const timelinesAt = (rate: number) => trackJobs.filter((j) => rateOf(j.track) === rate).flatMap((j) => [j.track, ...spliceSources(j.track, allTracks)]).map((t) => t.timeline);
  const textsByRate = new Map(rates.map((rate) => [rate, speechTexts(timelinesAt(rate))]));
  const textCount = [...textsByRate.values()].reduce((n, texts) => n + texts.length, 0);
  emit({ type: "planned", jobs: jobs.length, unchanged, texts: textCount });

  const cache = createClipCache({ dir: options.clipCacheDir ?? DEFAULT_CLIP_CACHE_DIR, engine });
  let encodes = 0;
  const stages = { clipsMs: 0, assembleMs: 0, encodeMs: 0, measureMs: 0 };
  let encodedAudioMs = 0;
  let done = 0;
  const reuse: RenderSummary["reuse"] = { joined: 0, reusedMs: 0, encodedWhole: [] };
  // Each exercise of this run, settled when its render ends (either way): the routines that reuse it wait on it.
  const finished = new Map(trackJobs.filter((j) => j.track.kind === "exercise").map((j) => [j.track, settled()]));
  try {
    const clipsStarted = performance.now();
    const voices = new Map<number, { clips: ClipSet; levelCache: Map<string, LevelledClip> }>();
    let clipsDone = 0;
    for (const [ratePercent, texts] of textsByRate) {
      const clips = await prepareClips(texts, cache, {
        ratePercent,
        sampleRate: engine.sampleRate,
        concurrency: engine.concurrency,
        signal: options.signal,
        onClip: () => emit({ type: "clip", done: ++clipsDone, total: textCount }),
      });
      voices.set(ratePercent, { clips, levelCache: new Map() });
    }
    stages.clipsMs = performance.now() - clipsStarted;
    await runPool(trackJobs, options.concurrency ?? 2, async ({ track, targets }) => {
      const profileIds = targets.map((t) => t.state.profile.id).join("+");
      emit({ type: "track-start", done, total: jobs.length, id: track.id, profile: profileIds });
      const { clips, levelCache } = voices.get(rateOf(track))!;
      const sources = spliceSources(track, allTracks);
      for (const source of sources) await finished.get(source)?.promise;
      const input = {
        timeline: track.timeline,
        clip: clips.get,
        rate: clips.rate,
        outputs: targets.map((t) => ({ profile: t.state.profile, outFile: join(t.state.stageDir, track.file) })),
        tags: targets[0]!.tags,
        artworkFile: options.artworkFile,
        bed: options.bed ?? true,
        levelCache,
        signal: options.signal,
        beforeRename: options.beforeRename && ((profile: AudioProfile, temp: string) => options.beforeRename!(track, profile, temp)),
      };
      let out: TrackOutput & { reusedMs?: number; encodedWhole?: string };
      if (track.kind === "routine") {
        out = await renderRoutine(input, routineSplicePlan(track, sources, clips), targets.map((t) => currentSources(sources, t.state.profile, t.state, keyOf)));
        if (out.encodedWhole) reuse.encodedWhole.push({ id: track.id, pace: track.pace, why: out.encodedWhole });
        else reuse.joined++;
        reuse.reusedMs += out.reusedMs ?? 0;
      } else {
        out = await renderTrack(input).finally(() => finished.get(track)?.resolve());
      }
      for (const [i, { state, key }] of targets.entries()) {
        state.entries.set(trackIdentity(track), trackEntry(track, out.layout, out.files[i]!, state.profile, key, state.entries.get(trackIdentity(track))?.publishedAt));
        encodedAudioMs += out.layout.durationMs;
        files.written++;
        done++;
      }
      encodes += out.files.reduce((n, f) => n + f.loudness.encodes, 0);
      stages.assembleMs += out.timings.assembleMs;
      stages.encodeMs += out.timings.encodeMs;
      stages.measureMs += out.timings.measureMs;
      emit({ type: "track", done, total: jobs.length, id: track.id, profile: profileIds, durationMs: out.layout.durationMs, encodes: 1, reusedMs: out.reusedMs, encodedWhole: out.encodedWhole });
    });
    // The documents join the stage, then everything that changed moves into place: a failure before this point
    // (including a full disk while writing them) leaves the previous complete set.
    await writeOutputs(states, allTracks, { site: { ...options.site, catalog }, writeSite: options.writeSite ?? true });
    Object.assign(files, await stage.commit());
    emit({ type: "outputs", files: files.written + files.unchanged, changed: files.written });
    if (!options.only?.routine && !options.only?.exercise) await clearStash(options.outDir);
  } catch (error) {
    // Nothing was switched into place; what this run finished is kept for the next one.
    for (const job of jobs) {
      const entry = job.state.entries.get(trackIdentity(job.track));
      if (entry && entry !== entriesBefore.get(job)) await stashTrack(options.outDir, job.state.profile.id, join(job.state.stageDir, job.track.file), entry);
    }
    // People know the file by its final name, not by the stage it was written in.
    if (error instanceof Error) error.message = error.message.replaceAll(stage.root, options.outDir);
    throw error;
  } finally {
    await stage.discard();
  }

  const stats = cache.stats();
  const first = states[0];
  return {
    tracks: jobs.length + unchanged + resumed,
    encoded: jobs.length,
    unchanged,
    resumed,
    audioMs: first ? selected.reduce((ms, t) => ms + (first.entries.get(trackIdentity(t))?.durationMs ?? 0), 0) : 0,
    encodedAudioMs,
    encodes,
    reuse,
    stages: { clipsMs: Math.round(stages.clipsMs), assembleMs: Math.round(stages.assembleMs), encodeMs: Math.round(stages.encodeMs), measureMs: Math.round(stages.measureMs) },
    clips: { requested: stats.requests, synthesized: stats.misses, cacheHits: stats.hits + stats.shared, rejected: stats.rejectedFiles },
    files,
    engine: { id: engine.id, voice: engine.voice, ...engine.usage() },
    wallMs: Math.round(performance.now() - started),
    manifests: states.map((s) => join(s.dir, MANIFEST_FILE)),
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
