// A small hand-written manifest shaped like a real render: one routine with two chapters, one exercise.
import type { Manifest } from "../../../content/manifest.js";

export function sampleManifest(): Manifest {
  return {
    tracks: [
      {
        id: "childs-pose",
        kind: "exercise",
        title: "Child's pose",
        file: "childs-pose.mp3",
        durationMs: 65_000,
        pace: "standard",
        description: "Kneel & sit back on your heels; rest your forehead <gently>.",
        chapters: [{ id: "childs-pose", title: "Child's pose", startMs: 0, endMs: 65_000 }],
        segments: [
          { type: "speech", startMs: 0, endMs: 4_000, text: "Child's pose." },
          { type: "pause", startMs: 4_000, endMs: 64_000, purpose: "hold" },
          { type: "chime", startMs: 64_000, endMs: 65_000 },
        ],
      },
      {
        id: "quick",
        kind: "routine",
        title: "Quick routine: neck & shoulders",
        file: "quick.mp3",
        durationMs: 125_500,
        pace: "standard",
        description: "Two gentle exercises for a short break.",
        chapters: [
          { id: "neck-rotation", title: "Neck rotation", startMs: 0, endMs: 60_000 },
          { id: "childs-pose", title: "Child's pose", startMs: 60_000, endMs: 125_500 },
        ],
        segments: [
          { type: "speech", startMs: 0, endMs: 5_000, text: "Neck rotation." },
          { type: "pause", startMs: 5_000, endMs: 60_000, purpose: "movement" },
          { type: "speech", startMs: 60_000, endMs: 125_500, text: "Child's pose." },
        ],
      },
    ],
  };
}

/**
 * The sample at all three paces, named as a render names them (`routine-quick.mp3`, `routine-quick-gentle.mp3`),
 * each with its transcript and a first-publication date; gentle runs 1.5× as long, deeper 1.25×.
 */
export function pacedManifest(): Manifest {
  const scale = { gentle: 1.5, standard: 1, deeper: 1.25 } as const;
  const tracks = sampleManifest().tracks.flatMap((track) =>
    (["gentle", "standard", "deeper"] as const).map((pace) => {
      const k = scale[pace];
      const stem = `${track.kind}-${track.id}${pace === "standard" ? "" : `-${pace}`}`;
      const at = (ms: number) => Math.round(ms * k);
      return {
        ...track,
        pace,
        file: `${stem}.mp3`,
        transcript: `${stem}.vtt`,
        publishedAt: "2026-11-20T09:00:00.000Z",
        durationMs: at(track.durationMs),
        chapters: track.chapters.map((c) => ({ ...c, startMs: at(c.startMs), endMs: at(c.endMs) })),
        segments: track.segments.map((s) => ({ ...s, startMs: at(s.startMs), endMs: at(s.endMs) })),
      };
    }),
  );
  return { tracks };
}
