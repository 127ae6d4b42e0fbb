// How a media position is shown to people: the page, the feed, the CLI list and the console all use this one.

/** A media position as players show it: `0:05`, `12:30`, `1:02:03`. */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
