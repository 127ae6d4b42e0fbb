// The render manifest (dist/sessions/manifest.json) as the skill reads it: track ids, files and lengths.

/** One chapter of a rendered track. */
export interface ManifestChapter {
  id: string;
  title: string;
  startMs: number;
  endMs: number;
}

/** One rendered MP3 as DESIGN.md fixes the manifest shape. */
export interface ManifestTrack {
  id: string;
  kind: "routine" | "exercise";
  title: string;
  file: string;
  durationMs: number;
  chapters: ManifestChapter[];
}

/** The whole manifest; extra fields the renderer writes are ignored. */
export interface RenderManifest {
  tracks: ManifestTrack[];
}
