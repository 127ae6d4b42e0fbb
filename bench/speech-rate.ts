// `npm run bench:speech-rate [manifest.json]`: words a minute per pace in a rendered manifest (default
// dist/sessions/manifest.json), from its speech segments: the figure issue 12 asks to keep at 145–165 at
// standard pace. Prints one JSON object: per pace, tracks, words a minute and the slowest/fastest track.
import { join } from "node:path";
import { readManifest } from "../content/manifest.js";
import { speechWordsPerMinute } from "../generator/tts/speech-rate.js";

const file = process.argv[2] ?? join("dist", "sessions", "manifest.json");
const manifest = await readManifest(file);
const byPace = new Map<string, typeof manifest.tracks>();
for (const track of manifest.tracks) {
  const pace = track.pace ?? "standard";
  byPace.set(pace, [...(byPace.get(pace) ?? []), track]);
}
const round = (n: number) => Math.round(n * 10) / 10;
const report = Object.fromEntries(
  [...byPace].map(([pace, tracks]) => {
    const each = tracks.map((t) => ({ id: t.id, wpm: round(speechWordsPerMinute([t])) })).sort((a, b) => a.wpm - b.wpm);
    return [pace, { tracks: tracks.length, wordsPerMinute: round(speechWordsPerMinute(tracks)), slowest: each[0], fastest: each.at(-1) }];
  }),
);
console.log(JSON.stringify({ manifest: file, paces: report }, null, 2));
