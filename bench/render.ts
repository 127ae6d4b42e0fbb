// `npm run bench:render`: renders the whole catalogue cold (empty clip cache, fresh output folder) and warm
// (nothing changed), then encodes the very same PCM (each profile's master with its bed and recorded gain) with a
// bare ffmpeg encode per (track, profile) from memory (no synthesis, levelling, measuring or tags): the floor.
// Prints one JSON object. BENCH_CONCURRENCY sets tracks at once (default 2, the render's default).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../content/load.js";
import { layoutPcm } from "../generator/audio/assemble.js";
import { bedLufs, createBed } from "../generator/audio/bed.js";
import { encodeMp3, ffmpegPaths } from "../generator/audio/ffmpeg.js";
import type { LevelledClip } from "../generator/audio/level.js";
import { masterLayout, masterPlan, type Master } from "../generator/audio/master.js";
import { profilesFor } from "../generator/audio/profiles.js";
import { createClipCache } from "../generator/cache/clip-cache.js";
import { readManifest } from "../content/manifest.js";
import { prepareClips, speechTexts } from "../generator/render/clips.js";
import { runPool } from "../generator/render/pool.js";
import { renderCatalog } from "../generator/render/render.js";
import { planCatalogTracks } from "../generator/render/tracks.js";
import { createEspeakEngine } from "../generator/tts/espeak.js";

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 2);
const root = await mkdtemp(join(tmpdir(), "bench-render-"));
const outDir = join(root, "sessions");
const clipCacheDir = join(root, "clips");
const catalog = loadCatalog();
const profiles = profilesFor("both");
const engine = await createEspeakEngine();

try {
  const seconds = (ms: number) => Math.round(ms) / 1000;
  const render = async () => {
    const started = performance.now();
    const summary = await renderCatalog({ catalog, engine, outDir, clipCacheDir, profiles, concurrency, pace: "standard" });
    return { summary, wallMs: performance.now() - started };
  };
  const cold = await render();
  const warm = await render();

  // The same PCM each track was encoded from (levelled clips, silence, chimes, gain), assembled before the
  // clock starts, then encoded by ffmpeg alone with the same concurrency.
  const tracks = planCatalogTracks(catalog).filter((t) => t.pace === "standard");
  const cache = createClipCache({ dir: clipCacheDir, engine });
  const clips = await prepareClips(speechTexts(tracks.map((t) => t.timeline)), cache, {
    ratePercent: catalog.paces.standard.speechRatePercent,
    sampleRate: engine.sampleRate,
    concurrency: 2,
  });
  // Each (track, profile): that profile's master (levelled clips, bed) with the gain the render recorded.
  const levelCache = new Map<string, LevelledClip>();
  const bare: { master: Master; gainDb: number; outFile: string; profile: (typeof profiles)[number] }[] = [];
  const metadataFile = join(root, "bare.txt");
  await writeFile(metadataFile, ";FFMETADATA1\n");
  for (const profile of profiles) {
    const manifest = await readManifest(join(outDir, profile.subdir, "manifest.json"));
    for (const track of tracks) {
      const entry = manifest.tracks.find((t) => t.id === track.id)!;
      const master = masterLayout({ timeline: track.timeline, clip: clips.get, rate: clips.rate }, masterPlan(profile), levelCache);
      bare.push({ master, gainDb: Number(entry.loudness?.gainDb ?? 0), outFile: join(root, `${profile.id}-${track.id}.mp3`), profile });
    }
  }
  const bareStarted = performance.now();
  await runPool(bare, concurrency, async ({ master, gainDb, outFile, profile }) => {
    const pcm = layoutPcm(master.layout, 1, createBed(master.layout, bedLufs(masterPlan(profile).speechLufs)));
    await encodeMp3(pcm, outFile, { inputRate: clips.rate, outputRate: profile.sampleRate, bitrateKbps: profile.bitrateKbps, gainDb, metadataFile });
  });
  const bareMs = performance.now() - bareStarted;

  const audioMs = cold.summary.audioMs;
  const encodedAudioMs = cold.summary.encodedAudioMs;
  const result = {
    catalogue: { tracks: tracks.length, profiles: profiles.map((p) => p.id), audioSeconds: seconds(audioMs), audioSecondsAllProfiles: seconds(encodedAudioMs) },
    cold: {
      wallSeconds: seconds(cold.wallMs),
      timesRealTime: Number((encodedAudioMs / cold.wallMs).toFixed(1)),
      clipsSynthesized: cold.summary.clips.synthesized,
      encodes: cold.summary.encodes,
      filesWritten: cold.summary.files.written,
      stageSecondsSummedOverTracks: Object.fromEntries(Object.entries(cold.summary.stages).map(([k, v]) => [k.replace(/Ms$/, ""), seconds(v)])),
    },
    warm: {
      wallSeconds: seconds(warm.wallMs),
      encoded: warm.summary.encoded,
      clipsSynthesized: warm.summary.clips.synthesized,
      filesWritten: warm.summary.files.written,
    },
    bareEncode: { wallSeconds: seconds(bareMs), timesRealTime: Number((encodedAudioMs / bareMs).toFixed(1)) },
    coldToBareEncodeRatio: Number((cold.wallMs / bareMs).toFixed(2)),
    setup: { concurrency, cpus: availableParallelism(), node: process.version, ffmpeg: ffmpegPaths().ffmpeg, voice: `${engine.id} ${engine.voice}` },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await engine.close();
  await rm(root, { recursive: true, force: true });
}
