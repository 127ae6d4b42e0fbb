// One call for the render: after the MP3s and manifest.json are written, write everything that lists them
// (artwork.png, <track>.chapters.json, index.html, feed.xml), each atomically and only when its bytes change.
import { writeArtwork } from "./artwork.js";
import type { WrittenFile } from "../io/atomic.js";
import { DEFAULT_BASE_URL, writeChaptersJson, writeFeed, type FeedOptions } from "./feed.js";
import type { Catalog } from "../../content/load.js";
import type { Manifest } from "../../content/manifest.js";
import { writeIndexHtml, type PageOptions } from "./page.js";
import { writeSkillIcons } from "./icons.js";
import { writePrivacyHtml } from "./privacy.js";

export interface SiteOptions {
  /** Public URL of `outDir` (the `--base-url` flag); default DEFAULT_BASE_URL (`http://localhost:8080/sessions`). */
  baseUrl?: string;
  page?: PageOptions;
  /** Feed settings other than the base URL (title, owner, artworkUrl, pubDate…). */
  feed?: Omit<FeedOptions, "baseUrl">;
  /** The content the MP3s were rendered from: the page shows positions and equipment and orders exercises by it. */
  catalog?: Catalog;
}

/**
 * Writes the page, the feed and their companions for a manifest whose MP3s are in `outDir`. The artwork is
 * generated unless `feed.artworkUrl` points elsewhere. Returns every file with whether it was rewritten.
 */
export async function writeSite(manifest: Manifest, outDir: string, options: SiteOptions = {}): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  if (!options.feed?.artworkUrl) written.push(await writeArtwork(outDir));
  written.push(...(await writeChaptersJson(manifest, outDir)));
  written.push(await writeIndexHtml(manifest, outDir, { catalog: options.catalog, ...options.page }));
  written.push(
    await writeFeed(manifest, outDir, { podcastChapters: true, ...options.feed, baseUrl: options.baseUrl ?? DEFAULT_BASE_URL }),
  );
  written.push(...(await writeSkillIcons(outDir)), await writePrivacyHtml(outDir)); // what Alexa certification asks for
  return written;
}
