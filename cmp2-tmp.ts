import { decodeToPcm } from "./generator/audio/ffmpeg.js";
import { loadCatalog } from "./content/load.js";
import { planCatalogTracks } from "./generator/render/tracks.js";
import { prepareClips, speechTexts } from "./generator/render/clips.js";
import { createClipCache } from "./generator/cache/clip-cache.js";
import { createTtsEngine } from "./generator/tts/index.js";
import { routineSplicePlan, spliceSources } from "./generator/render/reuse.js";
const cat = loadCatalog(); const engine = await createTtsEngine();
const all = planCatalogTracks(cat); const r = all.find((t) => t.kind === "routine" && t.id === "upper-back" && t.pace === "standard")!;
const src = spliceSources(r, all);
const clips = await prepareClips(speechTexts([r, ...src].map((t) => t.timeline)), createClipCache({ dir: "/tmp/exp-cache", engine }), { ratePercent: cat.paces.standard.speechRatePercent, sampleRate: engine.sampleRate, concurrency: 2 });
const plan = routineSplicePlan(r, src, clips);
for (const [dir, rate] of [["", 44100], ["alexa/", 22050]] as const) {
const f = rate / clips.rate;
const a = await decodeToPcm(`/tmp/sp-out/${dir}routine-upper-back.mp3`, rate);
const b = await decodeToPcm(`/tmp/sp-whole2/${dir}routine-upper-back.mp3`, rate);
let worst = 0, jump = 0;
for (const s of plan.spans) for (const at of [(s.sourceStart + s.offset) * f, (s.sourceEnd + s.offset) * f]) {
  for (let i = Math.round(at - rate / 10); i < at + rate / 10; i++) { worst = Math.max(worst, Math.abs(a[i]! - b[i]!)); jump = Math.max(jump, Math.abs(a[i]! - a[i - 1]!) - Math.abs(b[i]! - b[i - 1]!)); }
}
console.log(dir || "download", "len", a.length, b.length, "joins", plan.spans.length * 2, "worst join deviation", worst.toFixed(4), "worst jump excess", jump.toFixed(4));
}
await engine.close();
