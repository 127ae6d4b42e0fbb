import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManifestError, publishOrder, readManifest, readManifestSync } from "../../content/manifest.js";
import { writeManifest } from "../../generator/site/manifest-file.js";
import { sampleManifest } from "../generator/site/fixtures.js";

async function inTemp(name: string, content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "manifest-")), name);
  await writeFile(path, content);
  return path;
}

describe("readManifest", () => {
  it("reads back what writeManifest wrote, field for field", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "manifest-")), "manifest.json");
    await writeManifest(path, sampleManifest());
    expect(await readManifest(path)).toEqual(sampleManifest());
  });

  it("names the file and the fix when there is no manifest", async () => {
    await expect(readManifest("/nonexistent/dist/sessions/manifest.json")).rejects.toThrow(
      /\/nonexistent\/dist\/sessions\/manifest\.json: no manifest here \(fix: run `npx upper-back render` first/,
    );
  });

  it("reports broken JSON with the path", async () => {
    const path = await inTemp("manifest.json", '{"tracks": [');
    await expect(readManifest(path)).rejects.toThrow(new RegExp(`^${path}: not valid JSON`));
  });

  it("reads synchronously with the same checks and messages (start-up and build code)", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "manifest-")), "manifest.json");
    await writeManifest(path, sampleManifest());
    expect(readManifestSync(path)).toEqual(sampleManifest());
    expect(() => readManifestSync("/nonexistent/manifest.json")).toThrow(/no manifest here \(fix: run `npx upper-back render`/);
    const broken = await inTemp("manifest.json", '{"tracks": [');
    expect(() => readManifestSync(broken)).toThrow(new RegExp(`^${broken}: not valid JSON`));
  });

  it("names each wrong field by its path in the manifest", async () => {
    const bad = sampleManifest() as unknown as { tracks: Record<string, unknown>[] };
    bad.tracks[1]!.kind = "podcast";
    (bad.tracks[0]!.chapters as { endMs: number }[])[0]!.endMs = 99_000;
    (bad.tracks[0]!.segments as { startMs: number; endMs: number }[])[1]!.endMs = 3_000;
    const path = await inTemp("manifest.json", JSON.stringify(bad));
    const error = await readManifest(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestError);
    const message = (error as Error).message;
    expect(message).toContain(`${path}: tracks[1].kind:`);
    expect(message).toContain(`${path}: tracks[0].chapters[0].endMs: must not pass durationMs (65000)`);
    expect(message).toContain(`${path}: tracks[0].segments[1].endMs: endMs must be at least startMs`);
  });

  it("refuses two entries of the same kind, id and pace, and files outside the manifest's folder", async () => {
    const bad = sampleManifest();
    bad.tracks.push({ ...bad.tracks[0]!, file: "childs-pose-again.mp3" });
    bad.tracks[0]!.file = "../secret.mp3";
    const path = await inTemp("manifest.json", JSON.stringify(bad));
    await expect(readManifest(path)).rejects.toThrow(/tracks\[2\]\.id: duplicate track: exercise childs-pose at standard/);
    await expect(readManifest(path)).rejects.toThrow(/tracks\[0\]\.file: must be a path relative/);
  });

  it("takes one id at every pace, and names a missing or unknown pace", async () => {
    const paced = sampleManifest();
    paced.tracks.push({ ...paced.tracks[0]!, pace: "gentle", file: "exercise-childs-pose-gentle.mp3" });
    expect((await readManifest(await inTemp("manifest.json", JSON.stringify(paced)))).tracks.map((t) => t.pace)).toEqual(["standard", "standard", "gentle"]);
    const bad = sampleManifest() as unknown as { tracks: Record<string, unknown>[] };
    delete bad.tracks[0]!.pace;
    bad.tracks[1]!.pace = "brisk";
    const path = await inTemp("manifest.json", JSON.stringify(bad));
    await expect(readManifest(path)).rejects.toThrow(/tracks\[0\]\.pace: /);
    await expect(readManifest(path)).rejects.toThrow(/tracks\[1\]\.pace: .*gentle.*standard.*deeper|tracks\[1\]\.pace: .*"gentle"/);
  });
});

describe("writeManifest", () => {
  it("does not rewrite an unchanged manifest", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "manifest-")), "manifest.json");
    expect(await writeManifest(path, sampleManifest())).toBe(true);
    const before = await stat(path);
    expect(await writeManifest(path, sampleManifest())).toBe(false);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(sampleManifest());
  });
});

describe("publishOrder", () => {
  it("puts routines before exercises", () => {
    expect(publishOrder(sampleManifest()).map((t) => t.id)).toEqual(["quick", "childs-pose"]);
  });
});
