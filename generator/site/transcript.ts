// Transcripts beside the MP3s: one WebVTT file per track, one cue per measured speech segment, so podcast
// apps (Apple ingests WebVTT, Podcasting 2.0 links it with podcast:transcript) show what the coach says when.
import { join } from "node:path";
import type { Manifest, Track } from "../../content/manifest.js";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";

/** Longest caption line the Podcasting 2.0 transcript notes recommend for WebVTT. */
const MAX_LINE = 65;

/** The transcript's file name beside a track's MP3: `routine-quick-gentle.mp3` → `routine-quick-gentle.vtt`. */
export function transcriptFileFor(file: string): string {
  return file.replace(/\.[^./]+$/, "") + ".vtt";
}

/** A WebVTT timestamp, always with hours: `00:01:02.345`. */
export function vttTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(total % 1000, 3)}`;
}

// WebVTT cue text knows only &amp; &lt; &gt; for sure across players (simple parsers choke on &apos;), and an
// escaped ">" also keeps "-->" out of a cue.
function escapeCueText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Breaks a cue into lines of at most MAX_LINE visible characters at spaces (a longer single word stays whole).
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > MAX_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The speech a person hears, in order, with its measured times (what the transcript and the page's steps show). */
export function spokenLines(track: Track): { startMs: number; endMs: number; text: string }[] {
  return track.segments.flatMap((s) => (s.type === "speech" && s.text?.trim() ? [{ startMs: s.startMs, endMs: s.endMs, text: s.text.trim() }] : []));
}

/** Renders a track's WebVTT transcript (pure): a cue per speech segment at the times measured from the audio. */
export function renderWebVtt(track: Track): string {
  const cues = spokenLines(track).map((line) => `${vttTime(line.startMs)} --> ${vttTime(line.endMs)}\n${wrap(line.text).map(escapeCueText).join("\n")}`);
  return `WEBVTT\n\n${cues.map((cue) => `${cue}\n`).join("\n")}`;
}

/** Writes each track's transcript (its manifest `transcript` name) into `dir`; rewrites only files whose bytes change. */
export async function writeTranscripts(manifest: Manifest, dir: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const track of manifest.tracks) {
    const path = join(dir, track.transcript ?? transcriptFileFor(track.file));
    written.push({ path, changed: await writeFileAtomicIfChanged(path, renderWebVtt(track)) });
  }
  return written;
}
