import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempPathFor, withAtomicFile, writeFileAtomic } from "../../../generator/io/atomic.js";

async function freshDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "atomic-"));
}

describe("writeFileAtomic", () => {
  it("writes the whole content and leaves no temporary file behind", async () => {
    const dir = await freshDir();
    const path = join(dir, "nested", "manifest.json");
    await writeFileAtomic(path, '{"tracks":[]}');
    expect(await readFile(path, "utf8")).toBe('{"tracks":[]}');
    expect(await readdir(join(dir, "nested"))).toEqual(["manifest.json"]);
  });

  it("replaces an existing file with the new bytes", async () => {
    const dir = await freshDir();
    const path = join(dir, "feed.xml");
    await writeFile(path, "old");
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
  });
});

describe("withAtomicFile", () => {
  it("keeps the old file and removes the temporary one when the producer fails", async () => {
    const dir = await freshDir();
    const path = join(dir, "quick.mp3");
    await writeFile(path, "complete old mp3");
    await expect(
      withAtomicFile(path, async (temp) => {
        await writeFile(temp, "half an mp3");
        throw new Error("ffmpeg exited with code 1");
      }),
    ).rejects.toThrow("ffmpeg exited with code 1");
    expect(await readFile(path, "utf8")).toBe("complete old mp3");
    expect(await readdir(dir)).toEqual(["quick.mp3"]);
  });

  it("hands the producer a hidden path in the same folder that keeps the extension", () => {
    const temp = tempPathFor("/x/dist/sessions/quick.mp3");
    expect(temp).toMatch(/^\/x\/dist\/sessions\/\.quick\.mp3\.\d+-[0-9a-f]{8}\.tmp\.mp3$/);
  });
});
