// ID3 tags and chapters reach ffmpeg as an ;FFMETADATA1 file (mp3 muxer writes TIT2/TALB/TPE1 and CHAP frames).

export interface TrackTags {
  title: string;
  album: string;
  artist: string;
  comment?: string;
  genre?: string;
  date?: string;
}

export interface ChapterMark {
  title: string;
  startMs: number;
  endMs: number;
}

// ffmetadata escapes '=', ';', '#', '\' and newlines with a backslash.
function escapeValue(value: string): string {
  return value.replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}

/** The ffmetadata text for one track: global tags, then one [CHAPTER] per chapter in milliseconds. */
export function ffmetadata(tags: TrackTags, chapters: readonly ChapterMark[]): string {
  const lines = [";FFMETADATA1"];
  for (const [key, value] of Object.entries(tags) as [string, string | undefined][]) if (value !== undefined) lines.push(`${key}=${escapeValue(value)}`);
  for (const chapter of chapters) {
    lines.push("", "[CHAPTER]", "TIMEBASE=1/1000", `START=${chapter.startMs}`, `END=${chapter.endMs}`, `title=${escapeValue(chapter.title)}`);
  }
  return `${lines.join("\n")}\n`;
}
