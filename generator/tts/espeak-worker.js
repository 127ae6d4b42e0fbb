// One eSpeak NG synthesizer in a worker thread (plain JavaScript so it loads the same under tsx, vitest
// and node). Synthesis is synchronous and CPU-bound; running it here keeps the main thread free for
// ffmpeg pipes and progress output, and lets two phrases render at once on two cores.
// Protocol: workerData { voice } → posts { type: "ready" } or { type: "failed", message, voices };
// then { id, text, wpm } → { id, pcm: ArrayBuffer (s16 little-endian, 22050 Hz) } or { id, error }.
import { parentPort, workerData } from "node:worker_threads";
import initialize from "@echogarden/espeak-ng-emscripten";

const module = await initialize();
const worker = new module.eSpeakNGWorker();
const voice = workerData.voice;

if (worker.set_voice(voice) !== 0) {
  const voices = worker.list_voices().map((v) => v.identifier.replace(/^.*\//, "")).filter((id) => id.toLowerCase().startsWith("en"));
  parentPort.postMessage({ type: "failed", message: `voice "${voice}" is not available`, voices });
} else {
  parentPort.on("message", ({ id, text, wpm }) => {
    try {
      const chunks = [];
      let length = 0;
      worker.set_voice(voice);
      worker.set_rate(wpm);
      worker.synthesize(text, (samples) => {
        if (samples && samples.length > 0) {
          chunks.push(samples);
          length += samples.length;
        }
        return false; // a truthy return would abort synthesis
      });
      // Little-endian explicitly, whatever the platform's Int16Array order.
      const out = new DataView(new ArrayBuffer(length * 2));
      let offset = 0;
      for (const chunk of chunks) for (let i = 0; i < chunk.length; i++, offset += 2) out.setInt16(offset, chunk[i], true);
      parentPort.postMessage({ id, pcm: out.buffer }, [out.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, error: String(error instanceof Error ? error.message : error) });
    }
  });
  parentPort.postMessage({ type: "ready" });
}
