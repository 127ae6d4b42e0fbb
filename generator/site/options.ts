// The site flags of `upper-back render` (base URL, podcast title, owner, artwork), declared once with their mapping.
import type { Argv } from "yargs";
import { DEFAULT_BASE_URL, DEFAULT_FEED_TITLE } from "./feed.js";
import type { SiteOptions } from "./site.js";

export interface SiteArgs {
  "base-url": string;
  "podcast-title"?: string;
  "podcast-author"?: string;
  "podcast-owner-email"?: string;
  "artwork-url"?: string;
  "podcast-guid"?: string;
}

/** Adds --base-url, --podcast-title, --podcast-author, --podcast-owner-email, --artwork-url and --podcast-guid to a command. */
export function withSiteOptions<T>(y: Argv<T>): Argv<T & SiteArgs> {
  return y
    .option("base-url", {
      type: "string",
      default: DEFAULT_BASE_URL,
      describe:
        "Public http(s) URL of the output folder, used in feed.xml (enclosures, artwork, links). The default suits " +
        "`python3 -m http.server 8080 --directory dist` on this machine",
    })
    .option("podcast-title", { type: "string", describe: "Podcast title (default: Upper Back Routine)" })
    .option("podcast-author", { type: "string", describe: "itunes:author and owner name (default: the title)" })
    .option("podcast-owner-email", {
      type: "string",
      default: process.env.PODCAST_OWNER_EMAIL,
      defaultDescription: "$PODCAST_OWNER_EMAIL",
      describe:
        `itunes:owner email (Apple mails it to verify ownership). Required with a public --base-url; the local preview uses ${PREVIEW_OWNER_EMAIL}`,
    })
    .option("artwork-url", {
      type: "string",
      describe: "URL of a square 1400–3000 px JPEG/PNG cover; without it a generated artwork.png is written and used",
    })
    .option("podcast-guid", {
      type: "string",
      describe: "podcast:guid to keep after the feed moves (default: the Podcasting 2.0 UUIDv5 of <base-url>/feed.xml)",
    }) as Argv<T & SiteArgs>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The owner email of a feed that only this machine sees (RFC 2606 example domain: clearly not a real inbox). */
export const PREVIEW_OWNER_EMAIL = "podcast-owner@example.com";

// A feed others can reach: a valid URL whose host is not this machine (a malformed one fails later, naming --base-url).
function isPublic(baseUrl: string): boolean {
  if (!URL.canParse(baseUrl)) return false;
  const host = new URL(baseUrl).hostname;
  return !(host === "localhost" || host === "[::1]" || /^127\./.test(host));
}

/** Turns the parsed flags into writeSite options; a public feed without an owner email is refused, naming the fix. */
export function siteOptionsFromArgs(args: SiteArgs): SiteOptions {
  const title = args["podcast-title"];
  const author = args["podcast-author"];
  const email = args["podcast-owner-email"] || (isPublic(args["base-url"]) ? undefined : PREVIEW_OWNER_EMAIL);
  const guid = args["podcast-guid"];
  if (guid !== undefined && !UUID.test(guid)) {
    throw new Error(`--podcast-guid must be a UUID such as 917393e3-1b1e-5cef-ace4-edaa54e1f810 (got "${guid}")`);
  }
  if (!email) {
    throw new Error(
      `--base-url ${args["base-url"]} is public, so the feed needs an owner email for itunes:owner ` +
        "(fix: pass --podcast-owner-email you@example.org, or set PODCAST_OWNER_EMAIL)",
    );
  }
  return {
    baseUrl: args["base-url"],
    page: title ? { title } : {},
    feed: {
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      owner: { name: author ?? title ?? DEFAULT_FEED_TITLE, email },
      ...(args["artwork-url"] ? { artworkUrl: args["artwork-url"] } : {}),
      ...(guid ? { podcastGuid: guid.toLowerCase() } : {}),
    },
  };
}
