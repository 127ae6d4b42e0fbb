// Fills the certification links of skill-package/skill.json (icons, privacy policy, terms of use) for every locale
// from the public URL of the rendered site, where the render wrote icon-108.png, icon-512.png and privacy.html.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CERTIFICATION_FILES } from "../../content/privacy.js";

type Json = Record<string, unknown>;

/** skill-package/skill.json under a project root. */
function skillJsonPath(root: string): string {
  return join(root, "skill-package", "skill.json");
}

/** Checks the public base URL Alexa will fetch icons and the policy from: HTTPS, no query or fragment. */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`--base-url must be an absolute https:// URL of the rendered site (got "${baseUrl}")`);
  }
  if (url.protocol !== "https:") throw new Error(`--base-url must use https:// (Alexa fetches icons and the privacy policy over HTTPS only; got "${baseUrl}")`);
  if (url.search || url.hash) throw new Error(`--base-url must not have a query or fragment (got "${baseUrl}")`);
  return baseUrl.replace(/\/+$/, "");
}

function objectAt(parent: Json, key: string, where: string): Json {
  const value = parent[key];
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`skill.json: ${where} must be an object`);
  return value as Json;
}

/** Returns the manifest with smallIconUri, largeIconUri, privacyPolicyUrl and termsOfUseUrl set in every locale. */
export function withCertificationUrls(envelope: Json, baseUrl: string): Json {
  const base = checkBaseUrl(baseUrl);
  const copy = structuredClone(envelope);
  const manifest = objectAt(copy, "manifest", "manifest");
  const publishing = objectAt(objectAt(manifest, "publishingInformation", "manifest.publishingInformation"), "locales", "manifest.publishingInformation.locales");
  const compliance = objectAt(manifest, "privacyAndCompliance", "manifest.privacyAndCompliance");
  const privacyLocales = (compliance.locales ??= {}) as Json;
  for (const locale of Object.keys(publishing)) {
    Object.assign(objectAt(publishing, locale, `manifest.publishingInformation.locales.${locale}`), {
      smallIconUri: `${base}/${CERTIFICATION_FILES.smallIcon.file}`,
      largeIconUri: `${base}/${CERTIFICATION_FILES.largeIcon.file}`,
    });
    privacyLocales[locale] = {
      ...(privacyLocales[locale] as Json | undefined),
      privacyPolicyUrl: `${base}/${CERTIFICATION_FILES.privacyPage}`,
      termsOfUseUrl: `${base}/${CERTIFICATION_FILES.privacyPage}#${CERTIFICATION_FILES.termsSection}`,
    };
  }
  return copy;
}

/** Rewrites skill-package/skill.json with the certification URLs; returns the path written and the locale count. */
export function writeCertificationUrls(root: string, baseUrl: string): { path: string; locales: number } {
  const path = skillJsonPath(root);
  let envelope: Json;
  try {
    envelope = JSON.parse(readFileSync(path, "utf8")) as Json;
  } catch (error) {
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)} (run from the project root or pass --root)`);
  }
  const updated = withCertificationUrls(envelope, baseUrl);
  writeFileSync(path, `${JSON.stringify(updated, null, 2)}\n`);
  const locales = Object.keys((updated.manifest as { publishingInformation: { locales: Json } }).publishingInformation.locales).length;
  return { path, locales };
}
