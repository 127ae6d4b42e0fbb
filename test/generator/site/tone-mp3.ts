// Real small MP3s for the publishing tests, encoded by the project's own ffmpeg binary.
import ffmpeg from "@ffmpeg-installer/ffmpeg";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Encodes `seconds` of a quiet sine tone as a mono 48 kbps MP3 at `path`. */
export async function writeToneMp3(path: string, seconds: number, frequency = 440): Promise<void> {
  const ffmpegPath = process.env.FFMPEG_PATH ?? ffmpeg.path;
  await run(ffmpegPath, [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", `sine=frequency=${frequency}:sample_rate=24000:duration=${seconds}`,
    "-af", "volume=0.05", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "48k", path,
  ]);
}
