// Turns the SSML a skill speaks into text a person reads in a console: breaks become "[pause 25 s]" (chained
// breaks added up, as a listener would experience them), audio clips become "[audio: file]", tags disappear.

import { unescapeXml } from "../../content/xml.js";

// Alexa's strength defaults: none 0, x-weak 0, weak ~0.25 s, medium ~0.5 s, strong ~0.75 s, x-strong ~1 s.
const STRENGTH_MS: Record<string, number> = { none: 0, "x-weak": 0, weak: 250, medium: 500, strong: 750, "x-strong": 1000 };

/** Milliseconds of one <break> tag's attributes ("10s", "500ms", strength=...). */
export function breakMs(attributes: string): number {
  const time = /time\s*=\s*["']\s*([\d.]+)\s*(ms|s)\s*["']/i.exec(attributes);
  if (time) return Math.round(Number(time[1]) * (time[2]!.toLowerCase() === "s" ? 1000 : 1));
  const strength = /strength\s*=\s*["']([\w-]+)["']/i.exec(attributes);
  return STRENGTH_MS[strength?.[1]?.toLowerCase() ?? "medium"] ?? 500;
}

function formatPause(ms: number): string {
  const seconds = ms / 1000;
  return `[pause ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s]`;
}

/** Readable text of an SSML document; pauses under a second are left out as mere punctuation. */
export function ssmlToText(ssml: string): string {
  const tokens = ssml.split(/(<[^>]+>)/);
  const out: string[] = [];
  let pendingPause = 0;
  const flushPause = () => {
    if (pendingPause >= 1000) out.push(` ${formatPause(pendingPause)} `);
    else if (pendingPause > 0) out.push(" ");
    pendingPause = 0;
  };
  for (const token of tokens) {
    if (!token) continue;
    if (!token.startsWith("<")) {
      if (token.trim() === "") {
        out.push(token);
        continue;
      }
      flushPause();
      out.push(unescapeXml(token));
      continue;
    }
    const tag = /^<\s*(\/?)\s*([\w:-]+)([^>]*?)\/?>$/.exec(token);
    if (!tag) continue;
    const name = tag[2]!.toLowerCase();
    if (name === "break" && !tag[1]) {
      pendingPause += breakMs(tag[3] ?? "");
    } else if (name === "audio" && !tag[1]) {
      flushPause();
      const src = /src\s*=\s*["']([^"']+)["']/i.exec(tag[3] ?? "")?.[1] ?? "";
      out.push(` [audio: ${decodeURIComponent(unescapeXml(src).split("/").pop() ?? src)}] `);
    } else if (name === "p" || name === "s") {
      out.push(" ");
    }
  }
  flushPause();
  return out.join("").replace(/\s+/g, " ").replace(/\s+([.,!?;:])/g, "$1").trim();
}

/** Wraps a line at word boundaries for a terminal of `width` columns; continuation lines get `indent`. */
export function wrapLine(line: string, width: number, indent = "  "): string {
  if (width < 20 || line.length <= width) return line;
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length > width && current.trim()) {
      lines.push(current);
      current = indent + word;
    } else current = candidate;
  }
  lines.push(current);
  return lines.join("\n");
}
