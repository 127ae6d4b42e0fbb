// One card of the download page: a routine or exercise with its paces. Each pace is a panel with its own
// player, steps (the transcript), chapters and download; radio buttons pick the panel with CSS alone, so the
// choice works without JavaScript.
import type { Track } from "../../content/manifest.js";
import { formatClock } from "../../content/clock.js";
import { escapeXml as esc } from "../../content/xml.js";
import { fileHref, formatBytes, formatDuration, fragmentSeconds, isoDuration } from "./format.js";
import { listWords, type SessionFacts } from "./session-facts.js";
import { spokenLines, transcriptFileFor } from "./transcript.js";

/** Paces in the order a card offers them; unknown paces follow. */
export const PACE_ORDER = ["gentle", "standard", "deeper"] as const;
const DEFAULT_PACE = "standard";
/** Speech closer than this belongs to one step ("Three. Two. One."); a longer pause ends the step. */
const STEP_GAP_MS = 2_000;

/** The same routine or exercise at one or more paces. */
export interface SessionGroup {
  kind: "routine" | "exercise";
  id: string;
  /** Ordered by PACE_ORDER. */
  tracks: Track[];
}

/** The anchor of a card (`session-routine-quick`): kind and id are unique together, not id alone. */
export function sessionAnchor(track: Pick<Track, "kind" | "id">): string {
  return `session-${track.kind}-${track.id}`;
}

/** The pace a track was rendered at (manifests from before paces say nothing: standard). */
export function paceOf(track: Track): string {
  return track.pace ?? DEFAULT_PACE;
}

/** The pace a card opens at: standard when it has one, else its first. */
export function defaultTrack(group: SessionGroup): Track {
  return group.tracks.find((t) => paceOf(t) === DEFAULT_PACE) ?? group.tracks[0]!;
}

const PAUSE_WORDS: Record<string, string> = { hold: "hold", rest: "rest", movement: "move", breath: "breathe", transition: "get ready" };

// Speech runs between pauses longer than STEP_GAP_MS (a chapter always starts a step), each with the pause that follows it.
function steps(track: Track): { text: string; pause?: string }[] {
  const lines = spokenLines(track);
  const out: { text: string; pause?: string }[] = [];
  lines.forEach((line, i) => {
    const last = out.at(-1);
    const previous = lines[i - 1];
    const newChapter = previous && track.chapters.some((c) => c.startMs > previous.startMs && c.startMs <= line.startMs);
    if (last && previous && !newChapter && line.startMs - previous.endMs < STEP_GAP_MS) last.text += ` ${line.text}`;
    else out.push({ text: line.text });
    const nextStart = lines[i + 1]?.startMs ?? track.durationMs;
    if (nextStart - line.endMs >= STEP_GAP_MS) {
      const pause = track.segments.find((s) => s.type === "pause" && s.startMs >= line.endMs && s.startMs < nextStart && s.purpose);
      out.at(-1)!.pause = `${PAUSE_WORDS[pause?.purpose ?? ""] ?? "pause"} ${formatDuration(nextStart - line.endMs)}`;
    }
  });
  return out;
}

function renderSteps(track: Track): string {
  const items = steps(track).map((s) => `<li>${esc(s.text)}${s.pause ? ` <span class="pause">(${esc(s.pause)})</span>` : ""}</li>`);
  if (items.length === 0) return "";
  return `<details class="steps"><summary>Steps (transcript)<span class="visually-hidden">: ${esc(track.title)}, ${esc(paceOf(track))} pace</span></summary>
<ol aria-label="Steps">
${items.join("\n")}
</ol>
</details>`;
}

function renderChapters(track: Track, base: string, href: string): string {
  if (track.chapters.length <= 1) return "";
  const links = track.chapters.map(
    (c) =>
      `<li><a href="${href}#t=${fragmentSeconds(c.startMs)}" data-audio="${base}-audio" data-start="${fragmentSeconds(c.startMs)}" ` +
      `data-end="${fragmentSeconds(c.endMs)}"><span class="ch-title">${esc(c.title)}</span> ` +
      `<span class="ch-time"><span class="visually-hidden">at </span>${formatClock(c.startMs)}</span></a></li>`,
  );
  return `<h4 id="${base}-chapters">Chapters</h4>
<ol class="chapters" aria-labelledby="${base}-chapters">
${links.join("\n")}
</ol>`;
}

function renderPanel(track: Track, group: SessionGroup, bytes: number | undefined): string {
  const pace = paceOf(track);
  const base = `${sessionAnchor(track)}-${pace}`;
  const href = fileHref(track.file);
  const name = group.tracks.length > 1 ? `${track.title}, ${pace} pace` : track.title;
  const size = bytes ? formatBytes(bytes) : "";
  const fileName = track.file.split("/").pop() ?? track.file;
  const transcript = fileHref(track.transcript ?? transcriptFileFor(track.file));
  const meta = [
    `<time datetime="${isoDuration(track.durationMs)}">${formatDuration(track.durationMs)}</time>`,
    track.chapters.length > 1 ? `${track.chapters.length} chapters` : "",
  ].filter(Boolean);
  return `<div class="pace-panel" data-pace="${esc(pace)}" id="${base}">
<audio id="${base}-audio" controls preload="none" src="${href}" aria-label="${esc(name)}">
<a href="${href}">${esc(name)} (MP3)</a>
</audio>
<p class="meta">${meta.join(" · ")}</p>
${renderSteps(track)}
${renderChapters(track, base, href)}
<p class="files"><a class="download" href="${href}" download="${esc(fileName)}" aria-label="Download MP3${size ? ` (${size})` : ""}: ${esc(name)}"><span aria-hidden="true">↓</span> Download MP3${size ? ` <span class="size">(${size})</span>` : ""}</a>
<a class="transcript" href="${transcript}" aria-label="Transcript (WebVTT): ${esc(name)}">Transcript</a></p>
</div>`;
}

function renderPaceChoice(group: SessionGroup, anchor: string): string {
  if (group.tracks.length <= 1) return "";
  const checked = paceOf(defaultTrack(group));
  const options = group.tracks.map((t) => {
    const pace = paceOf(t);
    return `<label><input type="radio" name="${anchor}-pace" value="${esc(pace)}"${pace === checked ? " checked" : ""}> ` +
      `<span class="pace-name">${esc(pace.charAt(0).toUpperCase() + pace.slice(1))}</span> <span class="pace-time">${formatDuration(t.durationMs)}</span></label>`;
  });
  return `<fieldset class="paces"><legend>Pace</legend>
${options.join("\n")}
</fieldset>`;
}

/** Renders one card: title, position and equipment, the pace choice, then one panel per pace. */
export function renderSession(group: SessionGroup, facts: SessionFacts | undefined, sizeOf: (track: Track) => number | undefined): string {
  const first = defaultTrack(group);
  const anchor = sessionAnchor(first);
  const needs = facts ? (facts.equipment.length ? `Needs ${listWords(facts.equipment)}` : "No equipment") : "";
  const about = [facts?.position ?? "", needs].filter(Boolean).map((fact) => `<span>${esc(fact)}</span>`);
  return `<article class="session" id="${anchor}" aria-labelledby="${anchor}-title">
<h3 id="${anchor}-title">${esc(first.title)}</h3>
${about.length ? `<p class="meta about">${about.join(" · ")}</p>` : ""}
${renderPaceChoice(group, anchor)}
${group.tracks.map((t) => renderPanel(t, group, sizeOf(t))).join("\n")}
${first.description ? `<p class="desc">${esc(first.description)}</p>` : ""}
</article>`;
}
