// privacy.html beside the page: what the skill stores, where, for how long, how to delete it by voice, and the terms
// of use. The facts come from content/privacy.ts, which the skill's storage reads too.
import { join } from "node:path";
import { CERTIFICATION_FILES, privacySections } from "../../content/privacy.js";
import { escapeXml } from "../../content/xml.js";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";

/** The privacy policy and terms of use as a small standalone, accessible HTML page. */
export function renderPrivacyHtml(): string {
  const sections = privacySections()
    .map((section) => {
      const paragraphs = section.paragraphs.map((p) => `    <p>${escapeXml(p)}</p>`).join("\n");
      const list = section.list ? `\n    <ul>\n${section.list.map((item) => `      <li>${escapeXml(item)}</li>`).join("\n")}\n    </ul>` : "";
      return `  <section id="${escapeXml(section.id)}">\n    <h2>${escapeXml(section.heading)}</h2>\n${paragraphs}${list}\n  </section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Upper Back Routine: privacy and terms of use</title>
  <style>body{font:1.05rem/1.55 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d2b2a}h1,h2{line-height:1.2}</style>
</head>
<body>
<main>
  <h1>Upper Back Routine: privacy and terms of use</h1>
${sections}
  <p><a href="index.html">Back to the sessions</a></p>
</main>
</body>
</html>
`;
}

/** Writes `outDir/privacy.html` atomically; rewrites only on change. */
export async function writePrivacyHtml(outDir: string): Promise<WrittenFile> {
  const path = join(outDir, CERTIFICATION_FILES.privacyPage);
  return { path, changed: await writeFileAtomicIfChanged(path, renderPrivacyHtml()) };
}
