// `npx tsx bench/script.ts [dist/sessions/manifest.json]`: how the rendered script sounds, per track, as JSON
// lines: duration, speech rate (words per minute of speech, count-down numbers left out), and the gaps between
// count-down numbers. Figures, not assertions: read them beside the acceptance targets (145–165 wpm, 1 s ± 100 ms).
import { readManifest } from "../content/manifest.js";

const COUNTDOWN = ["Three.", "Two.", "One."];
const file = process.argv[2] ?? "dist/sessions/manifest.json";
const manifest = await readManifest(file);
for (const track of manifest.tracks) {
  const speech = track.segments.filter((s) => s.type === "speech");
  const words = speech.filter((s) => !COUNTDOWN.includes(s.text ?? ""));
  const wordCount = words.reduce((n, s) => n + (s.text ?? "").split(/\s+/).length, 0);
  const speechMs = words.reduce((ms, s) => ms + s.endMs - s.startMs, 0);
  const gaps: number[] = [];
  speech.forEach((s, i) => {
    if (s.text !== "Three.") return;
    const [two, one] = [speech[i + 1], speech[i + 2]];
    if (two?.text === "Two." && one?.text === "One.") gaps.push(two.startMs - s.startMs, one.startMs - two.startMs);
  });
  const figures = {
    file: track.file,
    pace: track.pace,
    minutes: Number((track.durationMs / 60_000).toFixed(2)),
    wpm: Math.round(wordCount / (speechMs / 60_000)),
    countdowns: gaps.length / 2,
    countdownGapMs: gaps.length > 0 ? [Math.min(...gaps), Math.max(...gaps)] : null,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
