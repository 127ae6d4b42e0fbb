// `npm run bench:joins`: a routine joined from its exercises' encoded MP3 frames against the same routine encoded
// whole. Renders BENCH_ROUTINE (default upper-back) at the standard pace, both profiles, with the voice that ships:
// first its exercises and then the routine into one folder (the routine is joined), then the routine alone into a
// fresh folder (nothing to reuse: encoded whole). Decodes both MP3s of each profile and prints one JSON object:
// lengths, joins, the worst difference within ±100 ms of any join, the worst sample step the joined file has beyond
// the whole encode's (a click would show here), integrated loudness and true peak of each.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../content/load.js";
import { readManifest } from "../content/manifest.js";
import { decodeToPcm } from "../generator/audio/ffmpeg.js";
import { integratedLufs, truePeakDb } from "../generator/audio/loudness.js";
import { profilesFor } from "../generator/audio/profiles.js";
import { createClipCache } from "../generator/cache/clip-cache.js";
import { prepareClips, speechTexts } from "../generator/render/clips.js";
import { renderCatalog, type RenderOptions } from "../generator/render/render.js";
import { routineSplicePlan, spliceSources } from "../generator/render/reuse.js";
import { planCatalogTracks } from "../generator/render/tracks.js";
import { createTtsEngine } from "../generator/tts/index.js";

const routineId = process.env.BENCH_ROUTINE ?? "upper-back";
const root = await mkdtemp(join(tmpdir(), "bench-joins-"));
const catalog = loadCatalog();
const engine = await createTtsEngine();
const profiles = profilesFor("both");
const clipCacheDir = join(root, "clips");
const round = (x: number, digits: number) => Number(x.toFixed(digits));

try {
  const all = planCatalogTracks(catalog);
  const routine = all.find((t) => t.kind === "routine" && t.id === routineId && t.pace === "standard");
  if (!routine) throw new Error(`no routine "${routineId}" (BENCH_ROUTINE): one of ${[...catalog.routines.keys()].join(", ")}`);
  const sources = spliceSources(routine, all);
  const options = (outDir: string, only: RenderOptions["only"]): RenderOptions => ({ catalog, engine, outDir, clipCacheDir, profiles, pace: "standard", only });

  const joinedDir = join(root, "joined");
  for (const source of sources) await renderCatalog(options(joinedDir, { exercise: source.id }));
  const joined = await renderCatalog(options(joinedDir, { routine: routineId }));
  const whole = await renderCatalog(options(join(root, "whole"), { routine: routineId }));
  if (joined.reuse.joined !== 1) throw new Error(`the routine was not joined: ${JSON.stringify(joined.reuse.encodedWhole)}`);
  if (whole.reuse.joined !== 0) throw new Error("the routine rendered alone was joined: the comparison needs it encoded whole");

  // The plan the render joined by (same clips from the same cache, so the same plan).
  const clips = await prepareClips(speechTexts([routine, ...sources].map((t) => t.timeline)), createClipCache({ dir: clipCacheDir, engine }), {
    ratePercent: catalog.paces.standard.speechRatePercent,
    sampleRate: engine.sampleRate,
    concurrency: 2,
  });
  const plan = routineSplicePlan(routine, sources, clips);

  const perProfile = [];
  for (const profile of profiles) {
    const rate = profile.sampleRate;
    const file = (dir: string) => join(dir, profile.subdir, routine.file);
    const [a, b] = [await decodeToPcm(file(joinedDir), rate), await decodeToPcm(file(join(root, "whole")), rate)];
    const scale = rate / clips.rate;
    let worstNearJoin = 0;
    let worstStepExcess = 0;
    const joins = plan.spans.flatMap((s) => [(s.sourceStart + s.offset) * scale, (s.sourceEnd + s.offset) * scale]);
    for (const at of joins) {
      for (let i = Math.max(1, Math.round(at - rate / 10)); i < Math.min(a.length, b.length, at + rate / 10); i++) {
        worstNearJoin = Math.max(worstNearJoin, Math.abs(a[i]! - b[i]!));
        worstStepExcess = Math.max(worstStepExcess, Math.abs(a[i]! - a[i - 1]!) - Math.abs(b[i]! - b[i - 1]!));
      }
    }
    const chapters = async (dir: string) => (await readManifest(join(dir, profile.subdir, "manifest.json"))).tracks.find((t) => t.file === routine.file)?.chapters;
    perProfile.push({
      profile: profile.id,
      samples: { joined: a.length, whole: b.length },
      sameChapters: JSON.stringify(await chapters(joinedDir)) === JSON.stringify(await chapters(join(root, "whole"))),
      joins: joins.length,
      worstDifferenceNearJoins: round(worstNearJoin, 4),
      worstStepExcessNearJoins: round(worstStepExcess, 4),
      integratedLufs: { joined: round(integratedLufs(a, rate), 2), whole: round(integratedLufs(b, rate), 2) },
      truePeakDbtp: { joined: round(truePeakDb(a), 2), whole: round(truePeakDb(b), 2) },
    });
  }
  const result = {
    routine: routineId,
    pace: "standard",
    audioSeconds: round(joined.audioMs / 1000, 1),
    reusedSecondsPerProfile: round(joined.reuse.reusedMs / 1000, 1),
    profiles: perProfile,
    voice: `${engine.id} ${engine.voice}`,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await engine.close();
  await rm(root, { recursive: true, force: true });
}
