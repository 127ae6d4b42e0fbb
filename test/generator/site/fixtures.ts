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
