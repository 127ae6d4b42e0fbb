// `npm run bench:render`: renders the catalogue's standard pace cold (empty clip cache, fresh output folder) and
// warm (nothing changed), then encodes the very same PCM (each profile's master with its bed and recorded gain) with
// a bare ffmpeg encode per (track, profile) from memory (no synthesis, levelling, measuring or tags): the floor.
// Then the gentle and deeper paces the same way (a cold render of each into the same folder, then its bare encode),
// for the ratio over all three paces. Prints one JSON object, with the 1-minute load average beside each phase (the
// machine may be shared). BENCH_CONCURRENCY sets tracks at once (default 2, the render's default);
// BENCH_PACES=standard skips the other two paces (a third of the time).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../content/load.js";
import type { PaceId } from "../content/schema.js";
import { layoutPcm } from "../generator/audio/assemble.js";
import { bedLufs, createBed, type BedPhase } from "../generator/audio/bed.js";
import { encodeMp3, ffmpegPaths } from "../generator/audio/ffmpeg.js";
import type { LevelledClip } from "../generator/audio/level.js";
import { masterLayout, masterPlan, type Master } from "../generator/audio/master.js";
import { profilesFor } from "../generator/audio/profiles.js";
import { createClipCache } from "../generator/cache/clip-cache.js";
import { readManifest } from "../content/manifest.js";
import { prepareClips, speechTexts } from "../generator/render/clips.js";
import { runPool } from "../generator/render/pool.js";
import { renderCatalog, type RenderSummary } from "../generator/render/render.js";
import { planCatalogTracks, trackIdentity } from "../generator/render/tracks.js";
import { routineSplicePlan, spliceSources } from "../generator/render/reuse.js";
import { createTtsEngine } from "../generator/tts/index.js";

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 2);
const otherPaces: PaceId[] = process.env.BENCH_PACES === "standard" ? [] : ["gentle", "deeper"];
const root = await mkdtemp(join(tmpdir(), "bench-render-"));
const outDir = join(root, "sessions");
const clipCacheDir = join(root, "clips");
const catalog = loadCatalog();
const profiles = profilesFor("both");
// The voice that ships (the default engine): what `npm run render` pays for.
const engine = await createTtsEngine();
const seconds = (ms: number) => Math.round(ms) / 1000;
const load = () => Number(loadavg()[0]!.toFixed(2));

// One timed phase: wall time and the load average when it started and ended.
async function timed<T>(body: () => Promise<T>): Promise<{ value: T; wallMs: number; load: [number, number] }> {
  const before = load();
  const started = performance.now();
  const value = await body();
  return { value, wallMs: performance.now() - started, load: [before, load()] };
}

// A cold or warm render of one pace of the whole catalogue, both profiles.
function render(pace: PaceId): Promise<{ value: RenderSummary; wallMs: number; load: [number, number] }> {
  return timed(() => renderCatalog({ catalog, engine, outDir, clipCacheDir, profiles, concurrency, pace }));
}

// The same PCM each track of `pace` was encoded from (levelled clips, silence, chimes, bed, the gain the render
// recorded; a routine whole, laid out as the render lays it out for reuse), prepared before the clock starts, then
// encoded by ffmpeg alone with the same concurrency: every track encoded in full, the floor reuse has to beat.
async function bareEncode(pace: PaceId): Promise<{ value: void; wallMs: number; load: [number, number] }> {
  const tracks = planCatalogTracks(catalog).filter((t) => t.pace === pace);
  const clips = await prepareClips(speechTexts(tracks.map((t) => t.timeline)), createClipCache({ dir: clipCacheDir, engine }), {
    ratePercent: catalog.paces[pace].speechRatePercent,
    sampleRate: engine.sampleRate,
    concurrency: 2,
  });
  const levelCache = new Map<string, LevelledClip>();
  const bare: { master: Master; phases: BedPhase[]; gainDb: number; outFile: string; profile: (typeof profiles)[number] }[] = [];
  const all = planCatalogTracks(catalog);
  const plans = new Map(tracks.map((t) => [t, t.kind === "routine" ? routineSplicePlan(t, spliceSources(t, all), clips) : undefined]));
  const metadataFile = join(root, "bare.txt");
  await writeFile(metadataFile, ";FFMETADATA1\n");
  for (const profile of profiles) {
    const manifest = await readManifest(join(outDir, profile.subdir, "manifest.json"));
    for (const track of tracks) {
      const entry = manifest.tracks.find((t) => trackIdentity(t) === trackIdentity(track))!;
      const plan = plans.get(track);
      const master = masterLayout({ timeline: track.timeline, clip: clips.get, rate: clips.rate, stretch: plan?.stretch }, masterPlan(profile), levelCache);
      bare.push({ master, phases: plan?.bedPhases ?? [], gainDb: Number(entry.loudness?.gainDb ?? 0), outFile: join(root, `${profile.id}-${track.file}`), profile });
    }
  }
  return timed(() =>
    runPool(bare, concurrency, async ({ master, phases, gainDb, outFile, profile }) => {
      const pcm = layoutPcm(master.layout, 1, createBed(master.layout, bedLufs(masterPlan(profile).speechLufs), phases));
      await encodeMp3(pcm, outFile, { inputRate: clips.rate, outputRate: profile.sampleRate, bitrateKbps: profile.bitrateKbps, gainDb, metadataFile });
    }),
  );
}

const stageSeconds = (s: RenderSummary) => Object.fromEntries(Object.entries(s.stages).map(([k, v]) => [k.replace(/Ms$/, ""), seconds(v)]));

try {
  const cold = await render("standard");
  const warm = await render("standard");
  const bare = await bareEncode("standard");
  const paces = [{ pace: "standard", cold, bare }];
  for (const pace of otherPaces) paces.push({ pace, cold: await render(pace), bare: await bareEncode(pace) });

  const encodedAudioMs = cold.value.encodedAudioMs;
  const sum = (f: (p: (typeof paces)[number]) => number) => paces.reduce((n, p) => n + f(p), 0);
  const result = {
    catalogue: {
      tracks: planCatalogTracks(catalog).filter((t) => t.pace === "standard").length,
      profiles: profiles.map((p) => p.id),
      audioSeconds: seconds(cold.value.audioMs),
      audioSecondsAllProfiles: seconds(encodedAudioMs),
    },
    cold: {
      wallSeconds: seconds(cold.wallMs),
      timesRealTime: Number((encodedAudioMs / cold.wallMs).toFixed(1)),
      clipsSynthesized: cold.value.clips.synthesized,
      encodes: cold.value.encodes,
      routinesJoined: cold.value.reuse.joined,
      reusedAudioSecondsPerProfile: seconds(cold.value.reuse.reusedMs),
      routinesEncodedWhole: cold.value.reuse.encodedWhole,
      filesWritten: cold.value.files.written,
      stageSecondsSummedOverTracks: stageSeconds(cold.value),
      load: cold.load,
    },
    warm: {
      wallSeconds: seconds(warm.wallMs),
      encoded: warm.value.encoded,
      clipsSynthesized: warm.value.clips.synthesized,
      filesWritten: warm.value.files.written,
    },
    bareEncode: { wallSeconds: seconds(bare.wallMs), timesRealTime: Number((encodedAudioMs / bare.wallMs).toFixed(1)), load: bare.load },
    coldToBareEncodeRatio: Number((cold.wallMs / bare.wallMs).toFixed(2)),
    allPaces: otherPaces.length === 0 ? "skipped (BENCH_PACES=standard)" : {
      paces: paces.map((p) => ({
        pace: p.pace,
        audioSecondsAllProfiles: seconds(p.cold.value.encodedAudioMs),
        coldSeconds: seconds(p.cold.wallMs),
        bareSeconds: seconds(p.bare.wallMs),
        ratio: Number((p.cold.wallMs / p.bare.wallMs).toFixed(2)),
        encodes: p.cold.value.encodes,
        routinesJoined: p.cold.value.reuse.joined,
        reusedAudioSecondsPerProfile: seconds(p.cold.value.reuse.reusedMs),
        stageSecondsSummedOverTracks: stageSeconds(p.cold.value),
        load: { cold: p.cold.load, bare: p.bare.load },
      })),
      coldSeconds: seconds(sum((p) => p.cold.wallMs)),
      timesRealTime: Number((sum((p) => p.cold.value.encodedAudioMs) / sum((p) => p.cold.wallMs)).toFixed(1)),
      bareSeconds: seconds(sum((p) => p.bare.wallMs)),
      coldToBareEncodeRatio: Number((sum((p) => p.cold.wallMs) / sum((p) => p.bare.wallMs)).toFixed(2)),
    },
    setup: { concurrency, cpus: availableParallelism(), node: process.version, ffmpeg: ffmpegPaths().ffmpeg, voice: `${engine.id} ${engine.voice}` },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await engine.close();
  await rm(root, { recursive: true, force: true });
}
