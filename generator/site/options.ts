// The site flags of `upper-back render` (base URL, podcast title, owner, artwork), declared once with their mapping.
import type { Argv } from "yargs";
import { DEFAULT_BASE_URL } from "./feed.js";
import type { SiteOptions } from "./site.js";
import { PRODUCT_NAME } from "../../content/facts.js";

export interface SiteArgs {
  "base-url": string;
  "podcast-title"?: string;
  "podcast-author"?: string;
  "podcast-owner-email"?: string;
  "artwork-url"?: string;
}

/** Adds --base-url, --podcast-title, --podcast-author, --podcast-owner-email and --artwork-url to a command. */
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
    .option("podcast-owner-email", { type: "string", describe: "itunes:owner email (Apple mails it to verify ownership)" })
    .option("artwork-url", {
      type: "string",
      describe: "URL of a square 1400–3000 px JPEG/PNG cover; without it a generated artwork.png is written and used",
    }) as Argv<T & SiteArgs>;
}

/** Turns the parsed flags into writeSite options. */
export function siteOptionsFromArgs(args: SiteArgs): SiteOptions {
  const title = args["podcast-title"];
  const author = args["podcast-author"];
  const email = args["podcast-owner-email"];
  return {
    baseUrl: args["base-url"],
    page: title ? { title } : {},
    feed: {
      ...(title ? { title } : {}),
      ...(author ? { author } : {}),
      ...(author || email ? { owner: { name: author ?? title ?? PRODUCT_NAME, ...(email ? { email } : {}) } } : {}),
      ...(args["artwork-url"] ? { artworkUrl: args["artwork-url"] } : {}),
    },
  };
}
