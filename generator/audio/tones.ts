// Chimes are generated, not recorded: a soft two-note sine (rising to start a hold, falling to end it),
// sample-exact at the track's rate so its length is known to the sample.
import { CHIME_MS } from "../../content/timeline.js";


const NOTES: Record<"start" | "end", [number, number]> = { start: [659.25, 880], end: [880, 659.25] };

/** A chime at `rate`, peak about −12 dBFS before levelling; fades in and out so it never clicks. */
export function chimeSamples(sound: "start" | "end", rate: number): Float32Array {
  const n = Math.round((CHIME_MS * rate) / 1000);
  const out = new Float32Array(n);
  const half = Math.floor(n / 2);
  const [first, second] = NOTES[sound];
  // Bell-like notes: quick attack, exponential decay, a touch of the octave; the first rings on under the second.
  const note = (f: number, t: number) => (t < 0 ? 0 : Math.min(1, t / 0.008) * Math.exp(-t * 6) * (Math.sin(2 * Math.PI * f * t) + 0.15 * Math.sin(4 * Math.PI * f * t)));
  for (let i = 0; i < n; i++) out[i] = 0.22 * (note(first, i / rate) + note(second, (i - half) / rate));
  // 20 ms fade-out at the very end so the tail reaches exact zero.
  const fade = Math.round(0.02 * rate);
  for (let i = 0; i < fade; i++) out[n - 1 - i]! *= i / fade;
  return out;
}
