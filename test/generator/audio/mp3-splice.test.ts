// Splicing real ffmpeg/libmp3lame frames: the main-data re-layout must be lossless, a splice of two encodes of one
// signal must decode like the whole encode (and clearly better than copying frames as they are), and the Info/LAME
// frame must say what ffmpeg itself would write. Everything is made here with the bundled ffmpeg, in a temp folder.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeToPcm, ffmpegPaths } from "../../../generator/audio/ffmpeg.js";
import { type Mp3Frame, type ParsedMp3, parseMp3, spliceMp3 } from "../../../generator/audio/mp3-splice.js";

const RATES = [44100, 22050] as const;
const IN_RATE = 16000;
/** 1.28 s at 16 kHz: 49 MP3 frames at both 44100 Hz (1152 samples) and 22050 Hz (576 samples). */
const SHIFT = 20480;
const SHIFT_FRAMES = 49;
/** A's frames [0, JOIN_IN) + B's from JOIN_IN (B's frame 6) + A's from JOIN_OUT: joins at 1.44 s and 4.0 s, both quiet. */
const JOIN_IN = SHIFT_FRAMES + 6;
const JOIN_OUT = 153;

/**
 * Header, CRC and side info of frames 5, 50 and 100 of `lame -p -m m -b 64 --cbr` (LAME 3.100, which writes CRCs;
 * ffmpeg's libmp3lame does not) from this test's signal at each rate: known-good CRCs to check the test's own against.
 */
const LAME_PROTECTED: Record<number, string[]> = {
  44100: ["fffa52c4fbf70780ca84c9448cb12501381868d1861899", "fffa52c45e63e4008b40cd436cb124413d1868d18618a1", "fffa52c4f40beb00cd60c93f0d7584c93a9829118e18a1"],
  22050: ["fff282c483851e2d032a74002e9808", "fff282c486c3f7378b2e680066de20", "fff282c45e84a92beb1e7ca0ee52e1"],
};

let dir: string;
const files: Record<string, Uint8Array> = {};

/** 6 s at 16 kHz: a 300 Hz tone at -30 dBFS with soft noise, and a -10 dBFS 1 kHz burst from 2.5 s to 3.5 s. */
function testSignal(): Float32Array {
  let seed = 12345;
  return Float32Array.from({ length: 6 * IN_RATE }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const t = i / IN_RATE;
    const burst = t > 2.5 && t < 3.5 ? 0.316 * Math.sin(2 * Math.PI * 1000 * t) : 0;
    return 0.0316 * Math.sin(2 * Math.PI * 300 * t) + 0.01 * ((seed / 2 ** 31) * 2 - 1) + burst;
  });
}

function ffmpeg(args: string[]): { stdout: Buffer; stderr: string } {
  const run = spawnSync(ffmpegPaths().ffmpeg, ["-hide_banner", "-nostdin", ...args], { maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`ffmpeg ${args.join(" ")}: exit ${run.status}\n${run.stderr.toString()}`);
  return { stdout: run.stdout, stderr: run.stderr.toString() };
}

async function encode(name: string, pcm: Float32Array, rate: number): Promise<void> {
  const input = join(dir, `${name}.f32`);
  await writeFile(input, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  ffmpeg(["-v", "error", "-f", "f32le", "-ar", String(IN_RATE), "-ac", "1", "-i", input, "-af", `aresample=${rate}:resampler=soxr`,
    "-c:a", "libmp3lame", "-b:a", "64k", "-ar", String(rate), "-ac", "1", "-id3v2_version", "3", "-write_xing", "1", join(dir, `${name}.mp3`)]);
  files[name] = await readFile(join(dir, `${name}.mp3`));
}

/** Writes `bytes` and decodes them as the render's checks do (decodeToPcm fails on a decode error). */
async function decode(name: string, bytes: Uint8Array, rate: number): Promise<Float32Array> {
  await writeFile(join(dir, name), bytes);
  return decodeToPcm(join(dir, name), rate);
}

/** ffmpeg's complaints about a file when it stops at the first error (-xerror): empty for a clean stream. */
function decodeErrors(file: string): string {
  const run = spawnSync(ffmpegPaths().ffmpeg, ["-hide_banner", "-nostdin", "-v", "error", "-xerror", "-i", file, "-f", "null", "-"]);
  return `${run.status === 0 ? "" : `exit ${run.status}\n`}${run.stderr.toString()}`;
}

/** Little-endian float32 samples out of ffmpeg's stdout (copied: a Float32Array view needs 4-byte alignment). */
function floats(bytes: Buffer): Float32Array {
  const out = new Float32Array(bytes.length >> 2);
  Buffer.from(out.buffer).set(bytes.subarray(0, out.length * 4));
  return out;
}

function snrDb(reference: Float32Array, test: Float32Array): number {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < reference.length; i++) {
    signal += reference[i]! ** 2;
    noise += (reference[i]! - test[i]!) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

function maxDeviation(a: Float32Array, b: Float32Array, from: number, to: number): number {
  let max = 0;
  for (let i = Math.max(0, from); i < Math.min(to, a.length); i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/** LAME's CRC-16 (reflected 0xA001, init 0), written out again so the test does not trust the module's. */
function lameCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** The fields of an ffmpeg Info frame (mono: side info of 17 bytes in MPEG-1, 9 in MPEG-2; flags 0x0f). */
function infoFields(info: Uint8Array, samplesPerFrame: number) {
  const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const xing = 4 + (samplesPerFrame === 1152 ? 17 : 9);
  const lame = xing + 120;
  const zeroed = Uint8Array.from(info);
  zeroed.fill(0, lame + 34, lame + 36);
  return {
    tag: new TextDecoder().decode(info.subarray(xing, xing + 4)),
    frames: view.getUint32(xing + 8),
    bytes: view.getUint32(xing + 12),
    musicLength: view.getUint32(lame + 28),
    musicCrc: view.getUint16(lame + 32),
    tagCrc: view.getUint16(lame + 34),
    // ffmpeg's tag CRC spans the Info frame's first 190 bytes with the CRC field itself still zero.
    tagCrcComputed: lameCrc(zeroed.subarray(0, 190)),
  };
}

/** A's frames [0, JOIN_IN), then B's frames for the same time up to JOIN_OUT, then A's frames again. */
function splicedFrames(fa: ParsedMp3, fb: ParsedMp3): Mp3Frame[] {
  return [...fa.frames.slice(0, JOIN_IN), ...fb.frames.slice(JOIN_IN - SHIFT_FRAMES, JOIN_OUT - SHIFT_FRAMES), ...fa.frames.slice(JOIN_OUT)];
}

/** Decoded samples that frames k-2 .. k+1 shape: frame k covers [k·F − 576 − 529, (k+1)·F − 576 − 529) and the MDCT overlaps its neighbours. */
function joinRegion(k: number, samplesPerFrame: number): [number, number] {
  return [(k - 2) * samplesPerFrame - 1105, (k + 2) * samplesPerFrame - 1105];
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/** MPEG audio's CRC-16 (0x8005, MSB first, init 0xFFFF) over header bytes 2-3 and the side info after the CRC. */
function mpegCrc(frame: Uint8Array, sideInfo: number): number {
  let crc = 0xffff;
  for (const byte of [frame[2]!, frame[3]!, ...frame.subarray(6, 6 + sideInfo)]) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The file's own frames spliced back: the identity splice. */
function roundTrip(parsed: ParsedMp3): Uint8Array {
  return spliceMp3({ id3: parsed.id3, infoTemplate: parsed.info!, frames: parsed.frames, encoderDelay: parsed.encoderDelay!, padding: parsed.padding! });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mp3-splice-"));
  const signal = testSignal();
  for (const rate of RATES) {
    await encode(`a${rate}`, signal, rate);
    await encode(`b${rate}`, signal.subarray(SHIFT), rate);
  }
  // 37 s: more than 800 frames, so ffmpeg's TOC bags are halved twice.
  ffmpeg(["-v", "error", "-f", "lavfi", "-i", "sine=f=300:d=37,volume=0.2", "-c:a", "libmp3lame", "-b:a", "64k", "-ar", "22050", "-ac", "1",
    "-id3v2_version", "3", "-write_xing", "1", join(dir, "long.mp3")]);
  files.long = await readFile(join(dir, "long.mp3"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(RATES)("mp3 splice at %i Hz", (rate) => {
  const a = () => parseMp3(files[`a${rate}`]!, `a${rate}.mp3`);
  const b = () => parseMp3(files[`b${rate}`]!, `b${rate}.mp3`);

  it("parses ffmpeg's output: Info frame, LAME delay and padding, frame size", () => {
    const parsed = a();
    expect(parsed.info).toBeDefined();
    expect(parsed.encoderDelay).toBe(576);
    expect(parsed.samplesPerFrame).toBe(rate === 44100 ? 1152 : 576);
    // 6 s plus delay and padding, in whole frames.
    expect(parsed.frames.length * parsed.samplesPerFrame).toBe(6 * rate + 576 + parsed.padding!);
    // The first audio frame cannot borrow; later ones do (else the re-layout would have nothing to do).
    expect(parsed.frames[0]!.bytes[4]).toBe(0);
    expect(parsed.frames.some((f) => f.mainData.length > f.bytes.length - (rate === 44100 ? 21 : 13))).toBe(true);
  });

  it("round trip: re-laying out a file's own frames decodes to the same PCM, sample for sample", async () => {
    const parsed = a();
    const out = roundTrip(parsed);
    expect(out.length).toBe(files[`a${rate}`]!.length);
    // Not a byte copy: LAME leaves gaps that the earliest-first layout closes.
    expect(Buffer.from(out).equals(Buffer.from(files[`a${rate}`]!))).toBe(false);
    const original = await decode(`a${rate}-copy.mp3`, files[`a${rate}`]!, rate);
    const spliced = await decode(`a${rate}-rt.mp3`, out, rate);
    expect(spliced.length).toBe(original.length);
    expect(spliced.length).toBe(6 * rate);
    expect(Buffer.from(spliced.buffer).equals(Buffer.from(original.buffer))).toBe(true);
    expect(parseMp3(out, "round trip").frames.map((f) => Buffer.from(f.mainData).toString("hex"))).toEqual(parsed.frames.map((f) => Buffer.from(f.mainData).toString("hex")));
    // Each frame's main data starts as early as allowed: right after the previous one's, or main_data_begin's maximum
    // (511 / 255 bytes) before its own payload.
    const sideInfo = rate === 44100 ? 17 : 9;
    let slot = 0;
    let free = 0;
    for (const f of parseMp3(out, "round trip").frames) {
      const begin = rate === 44100 ? (f.bytes[4]! << 1) | (f.bytes[5]! >> 7) : f.bytes[4]!;
      expect(begin).toBe(slot - Math.max(free, slot - (rate === 44100 ? 511 : 255)));
      free = slot - begin + f.mainData.length;
      slot += f.bytes.length - 4 - sideInfo;
    }
  });

  it("splices A + B + A at quiet points: decodes cleanly, as long as A and close to it; copying frames as-is is clearly worse", async () => {
    const [fa, fb] = [a(), b()];
    const frames = splicedFrames(fa, fb);
    expect(frames).toHaveLength(fa.frames.length);
    // The frames after both joins borrow from the reservoir, so a plain copy makes them read the wrong bytes.
    expect(frames[JOIN_IN]!.bytes[4]).toBeGreaterThan(0);
    expect(frames[JOIN_OUT]!.bytes[4]).toBeGreaterThan(0);
    const out = spliceMp3({ id3: fa.id3, infoTemplate: fa.info!, frames, encoderDelay: fa.encoderDelay!, padding: fa.padding! });
    await writeFile(join(dir, `splice${rate}.mp3`), out);
    expect(decodeErrors(join(dir, `splice${rate}.mp3`))).toBe("");
    const whole = await decode(`a${rate}-copy.mp3`, files[`a${rate}`]!, rate);
    const spliced = await decode(`splice${rate}.mp3`, out, rate);
    expect(spliced.length).toBe(whole.length);

    // What two encodes of the same signal differ by near the joins (B decoded on its own, shifted onto A's time):
    // the quantisation noise of each, which is the floor a splice can reach there.
    const bWhole = await decode(`b${rate}-copy.mp3`, files[`b${rate}`]!, rate);
    const shift = SHIFT_FRAMES * fa.samplesPerFrame;
    const bOnA = Float32Array.from(whole, (v, i) => (i >= shift && i - shift < bWhole.length ? bWhole[i - shift]! : v));
    const near = (x: Float32Array) => Math.max(...[JOIN_IN, JOIN_OUT].map((k) => maxDeviation(whole, x, ...joinRegion(k, fa.samplesPerFrame))));
    const floor = near(bOnA);
    const snr = snrDb(whole, spliced);
    const joinDeviation = near(spliced);
    // Measured (44.1 / 22.05 kHz): SNR 42.8 / 44.0 dB; largest deviation near a join 0.0049 / 0.0037, against
    // 0.0049 / 0.0042 between the two encodes there. The overlap-add at a join mixes one frame of each encode, so
    // its error stays at about that floor; 1.5x leaves room for another signal or encoder build.
    expect(snr).toBeGreaterThan(30);
    expect(joinDeviation).toBeLessThan(1.5 * floor);
    expect(joinDeviation).toBeLessThan(0.01); // -40 dBFS, under the -30 dBFS tone the joins sit in

    // The same frames copied as they are, main_data_begin and payloads untouched.
    const naiveFile = join(dir, `naive${rate}.mp3`);
    await writeFile(naiveFile, concat([out.subarray(0, fa.id3.length + fa.info!.length), ...frames.map((f) => f.bytes)]));
    const naive = floats(ffmpeg(["-v", "quiet", "-i", naiveFile, "-f", "f32le", "-ac", "1", "-ar", String(rate), "-"]).stdout);
    expect(naive.length).toBe(whole.length);
    // Measured: SNR 29.3 / 28.2 dB and deviation near a join 0.081 / 0.079 (ffmpeg decodes the wrong bytes without
    // a word of error): 13.5 / 15.8 dB and 17 / 21 times worse than the re-laid-out splice.
    expect(snrDb(whole, naive)).toBeLessThan(snr - 6);
    expect(near(naive)).toBeGreaterThan(5 * joinDeviation);
  });

  it("writes an Info frame with the frame count, byte count, TOC, delay, padding, music length and CRCs ffmpeg would write", async () => {
    const [fa, fb] = [a(), b()];
    const frames = splicedFrames(fa, fb);
    const out = spliceMp3({ id3: fa.id3, infoTemplate: fa.info!, frames, encoderDelay: fa.encoderDelay!, padding: fa.padding! });
    const parsed = parseMp3(out, "spliced");
    expect(parsed.frames).toHaveLength(frames.length);
    expect([parsed.encoderDelay, parsed.padding]).toEqual([fa.encoderDelay, fa.padding]);
    const info = infoFields(parsed.info!, parsed.samplesPerFrame);
    const audioAt = parsed.id3.length + parsed.info!.length;
    expect(info.tag).toBe("Info");
    expect(info.frames).toBe(frames.length);
    expect(info.bytes).toBe(out.length - parsed.id3.length);
    expect(info.musicLength).toBe(info.bytes);
    expect(info.musicCrc).toBe(lameCrc(out.subarray(audioAt)));
    expect(info.tagCrc).toBe(info.tagCrcComputed);

    // ffmpeg's own muxer, given the same audio frames (-c copy), writes the same Info frame but for its encoder
    // name ("Lavf" when copying) and so the tag CRC: the TOC, counts, delay, padding and music CRC all agree.
    await writeFile(join(dir, `info${rate}.mp3`), out);
    ffmpeg(["-v", "error", "-i", join(dir, `info${rate}.mp3`), "-c", "copy", "-id3v2_version", "3", "-write_xing", "1", join(dir, `remux${rate}.mp3`)]);
    const remux = parseMp3(await readFile(join(dir, `remux${rate}.mp3`)), `remux${rate}.mp3`);
    const lame = 4 + (rate === 44100 ? 17 : 9) + 120;
    const blank = (x: Uint8Array) => Uint8Array.from(x).fill(0, lame, lame + 9).fill(0, lame + 34, lame + 36);
    expect(blank(remux.info!)).toEqual(blank(parsed.info!));
    expect(infoFields(remux.info!, remux.samplesPerFrame).tagCrc).toBe(infoFields(remux.info!, remux.samplesPerFrame).tagCrcComputed);
    expect(Buffer.from(out.subarray(audioAt)).equals(Buffer.from((await readFile(join(dir, `remux${rate}.mp3`))).subarray(-(out.length - audioAt))))).toBe(true);
  });

  it("throws when a frame's main data cannot fit, the reservoir being spent", () => {
    const fa = a();
    const slot = (f: Mp3Frame) => f.bytes.length - (rate === 44100 ? 21 : 13);
    // The loudest frame of the burst borrows from the reservoir: alone after quiet frames it fits, but a run of
    // copies drains the reservoir a little more each frame until one cannot fit.
    const big = fa.frames.reduce((x, f) => (f.mainData.length > x.mainData.length ? f : x));
    expect(big.mainData.length).toBeGreaterThan(slot(big));
    const run = (n: number) => spliceMp3({ id3: fa.id3, infoTemplate: fa.info!, frames: [...fa.frames.slice(0, 40), ...Array<Mp3Frame>(n).fill(big)], encoderDelay: 576, padding: 0 });
    expect(() => run(1)).not.toThrow();
    let message = "";
    try {
      run(40);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^spliceMp3: frame \d+'s main data \(\d+ bytes\) does not fit: it would end \d+ bytes past its own slot/);
    // It is a later copy of `big` that fails, once the reservoir the quiet frames left is spent.
    expect(Number(/frame (\d+)/.exec(message)![1])).toBeGreaterThan(40);
    // The very first frame has no reservoir to borrow from.
    expect(() => spliceMp3({ id3: fa.id3, infoTemplate: fa.info!, frames: [big], encoderDelay: 576, padding: 0 })).toThrow(/frame 0's main data/);
  });
});

describe("CRC-protected frames", () => {
  it.each(RATES)("get their CRC recomputed over the rewritten side info (%i Hz)", async (rate) => {
    const sideInfo = rate === 44100 ? 17 : 9;
    for (const hex of LAME_PROTECTED[rate]!) {
      const frame = Buffer.from(hex, "hex");
      expect(mpegCrc(frame, sideInfo)).toBe(frame.readUInt16BE(4));
    }
    // A's first 90 frames (before the burst) made protected: protection bit cleared, a zero CRC after the header,
    // the payload 2 bytes shorter (the splice lays the main data out again anyway).
    const fa = parseMp3(files[`a${rate}`]!, `a${rate}.mp3`);
    const plain = fa.frames.slice(0, 90);
    const guarded = plain.map((f): Mp3Frame => {
      const bytes = new Uint8Array(f.bytes.length);
      bytes.set(f.bytes.subarray(0, 4));
      bytes[1]! &= 0xfe;
      bytes.set(f.bytes.subarray(4, 4 + sideInfo), 6);
      return { bytes, mainData: f.mainData };
    });
    const splice = (frames: Mp3Frame[]) => spliceMp3({ id3: fa.id3, infoTemplate: fa.info!, frames, encoderDelay: fa.encoderDelay!, padding: fa.padding! });
    const parsed = parseMp3(splice(guarded), "protected.mp3");
    expect(parsed.frames.filter((f) => f.bytes[6]! > 0).length).toBeGreaterThan(80);
    for (const f of parsed.frames) expect(mpegCrc(f.bytes, sideInfo)).toBe(Buffer.from(f.bytes).readUInt16BE(4));
    // Same samples as the same frames unprotected (ffmpeg 4.1 skips the CRC without checking it, hence the check above).
    const fromGuarded = await decode(`protected${rate}.mp3`, splice(guarded), rate);
    const fromPlain = await decode(`unprotected${rate}.mp3`, splice(plain), rate);
    expect(fromGuarded.length).toBe(fromPlain.length);
    expect(Buffer.from(fromGuarded.buffer).equals(Buffer.from(fromPlain.buffer))).toBe(true);
  });
});

describe("the Info frame of a long file", () => {
  it("is ffmpeg's, byte for byte, but for the two CRCs over the re-laid-out audio (TOC bags halved twice)", () => {
    const parsed = parseMp3(files.long!, "long.mp3");
    expect(parsed.frames.length).toBeGreaterThan(800);
    const out = roundTrip(parsed);
    const info = out.subarray(parsed.id3.length, parsed.id3.length + parsed.info!.length);
    const lame = 4 + 9 + 120;
    const blank = (x: Uint8Array) => Uint8Array.from(x).fill(0, lame + 32, lame + 36);
    expect(blank(info)).toEqual(blank(parsed.info!));
    // The test's reading of both CRCs holds on ffmpeg's own file, and on the splice's.
    for (const [file, frame] of [[files.long!, parsed.info!], [out, info]] as const) {
      const fields = infoFields(frame, 576);
      expect(fields.tagCrc).toBe(fields.tagCrcComputed);
      expect(fields.musicCrc).toBe(lameCrc(file.subarray(parsed.id3.length + frame.length)));
    }
  });
});

describe("parseMp3 on what it does not understand", () => {
  it("names the file and the byte offset", () => {
    const whole = files.a44100!;
    const parsed = parseMp3(whole, "a44100.mp3");
    const lastFrameAt = whole.length - parsed.frames.at(-1)!.bytes.length;
    expect(() => parseMp3(whole.subarray(0, whole.length - 50), "cut.mp3")).toThrow(`cut.mp3: frame of ${parsed.frames.at(-1)!.bytes.length} bytes runs past the end of the file (${parsed.frames.at(-1)!.bytes.length - 50} bytes left) at byte ${lastFrameAt}`);
    expect(() => parseMp3(whole.subarray(0, 30), "id3-cut.mp3")).toThrow(/^id3-cut\.mp3: ID3v2 tag of \d+ bytes runs past the end of the file at byte 0$/);
    let seed = 7;
    const noise = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
    expect(() => parseMp3(noise, "noise.bin")).toThrow(/^noise\.bin: no MPEG audio frame sync \(0x[0-9a-f]{8}\) at byte 0$/);
    // A stream cut before a frame that borrows: its main data would start before the first audio frame.
    const secondAt = parsed.id3.length + parsed.info!.length + parsed.frames[0]!.bytes.length;
    const headless = concat([parsed.id3, parsed.info!, whole.subarray(secondAt + parsed.frames[1]!.bytes.length)]);
    expect(() => parseMp3(headless, "headless.mp3")).toThrow(/^headless\.mp3: main_data_begin \d+ reaches before the first audio frame at byte \d+$/);
  });

  it("refuses stereo and Layer II", async () => {
    for (const [codec, why] of [["libmp3lame", "not mono"], ["mp2", "not Layer III"]] as const) {
      const file = join(dir, `${codec}.mp3`);
      ffmpeg(["-v", "error", "-f", "lavfi", "-i", "sine=f=300:d=1", "-ac", "2", "-c:a", codec, "-b:a", "128k", "-f", codec === "mp2" ? "mp2" : "mp3", file]);
      const bytes = await readFile(file);
      expect(() => parseMp3(bytes, "x.mp3")).toThrow(new RegExp(`^x\\.mp3: ${why}.* at byte \\d+$`));
    }
  });
});
