// ffmpeg and ffprobe are checked before any synthesis: a wrong FFMPEG_PATH found after minutes of (paid) Polly
// synthesis wastes both, and its error then names no setting.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { ffmpegPaths } from "../audio/ffmpeg.js";

const run = promisify(execFile);

/** Throws one clear line when ffmpeg or ffprobe cannot run, naming the binary, the setting and the fix. */
export async function checkFfmpeg(): Promise<void> {
  for (const env of ["FFMPEG_PATH", "FFPROBE_PATH"] as const) {
    const value = process.env[env];
    if (value && !existsSync(value)) throw new Error(`render: ${env}=${value}: no such file (fix: point ${env} at the binary, or unset it to use the bundled one)`);
  }
  let paths;
  try {
    paths = ffmpegPaths();
  } catch (error) {
    throw new Error(`render: ffmpeg is not usable: ${(error as Error).message}`);
  }
  for (const [tool, path, env] of [["ffmpeg", paths.ffmpeg, "FFMPEG_PATH"], ["ffprobe", paths.ffprobe, "FFPROBE_PATH"]] as const) {
    try {
      await run(path, ["-version"], { timeout: 10_000 });
    } catch (error) {
      const set = process.env[env] ? `${env}=${process.env[env]}` : `the bundled ${tool} (${path})`;
      const code: unknown = (error as NodeJS.ErrnoException).code;
      const reason = typeof code === "number" ? `exits with code ${code}` : (typeof code === "string" ? code : (error as Error).message.split("\n")[0]);
      throw new Error(`render: ${tool} does not run (${set}: ${reason}) (fix: point ${env} at a working ${tool} binary, or unset it to use the bundled one after \`npm ci\`)`);
    }
  }
}
