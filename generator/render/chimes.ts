// The chime files the skill plays inside SSML (<audio src="…/chimes/start.mp3">): the same generated tones as
// in the tracks, encoded as Alexa's SSML audio requires (MP3, 48 kbps, 24000 Hz). Rewritten only when changed.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHIME_FILES } from "../../content/ssml/alexa.js";
import { encodeMp3 } from "../audio/ffmpeg.js";
import { levelClip } from "../audio/level.js";
import { CHIME_UNDER_SPEECH_LU } from "../audio/master.js";
import { ffmetadata } from "../audio/metadata.js";
import { SSML_AUDIO, type AudioProfile } from "../audio/profiles.js";
import { chimeSamples } from "../audio/tones.js";
import { writeFileAtomicIfChanged, type WrittenFile } from "../io/atomic.js";
import { PRODUCT_NAME } from "../../content/facts.js";

/** Writes `<dir>/chimes/start.mp3` and `end.mp3` for the Alexa profile; returns what changed. */
export async function writeChimeFiles(dir: string, profile: AudioProfile, signal?: AbortSignal): Promise<WrittenFile[]> {
  const work = await mkdtemp(join(tmpdir(), "upper-back-chime-"));
  try {
    const metadataFile = join(work, "metadata.txt");
    const written: WrittenFile[] = [];
    for (const sound of ["start", "end"] as const) {
      await writeFile(metadataFile, ffmetadata({ title: `Chime (${sound})`, album: PRODUCT_NAME, artist: PRODUCT_NAME }, []));
      const rate = SSML_AUDIO.sampleRate;
      const tone = levelClip(chimeSamples(sound, rate), rate, {
        targetLufs: profile.targetLufs - CHIME_UNDER_SPEECH_LU,
        ceilingDb: profile.truePeakLimitDb - profile.peakMarginDb,
      });
      const encoded = join(work, `${sound}.mp3`);
      await encodeMp3([tone.samples], encoded, { inputRate: rate, outputRate: rate, bitrateKbps: SSML_AUDIO.bitrateKbps, metadataFile, signal });
      const path = join(dir, CHIME_FILES[sound]);
      written.push({ path, changed: await writeFileAtomicIfChanged(path, await readFile(encoded)) });
    }
    return written;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
