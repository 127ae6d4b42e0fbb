// Builds one MP3 out of frames of several CBR Layer III mono files (ffmpeg + libmp3lame encodes of one continuous
// signal), cut where the audio is quiet, the way dynamic ad insertion joins segments without re-encoding.
// The catch is Layer III's bit reservoir: a frame's main data (scale factors and Huffman-coded samples) starts
// `main_data_begin` bytes BEFORE its own payload, in the spare payload bytes of earlier frames. A frame copied next
// to frames of another file would read someone else's bytes. So parseMp3 gathers each frame's main data out of its
// own file, and spliceMp3 lays the main data of the whole output out again and rewrites every main_data_begin.
// It also rebuilds the Info (Xing) frame with its LAME tag: players take the duration, the seek table and the
// gapless trim (encoder delay and padding) from it. Field conventions follow what ffmpeg 4.1's mp3 muxer writes.

/** One audio frame of a Layer III mono stream. */
export interface Mp3Frame {
  /** The whole frame as in its file (header, optional CRC, side info, payload). */
  bytes: Uint8Array;
  /** This frame's main data (ceil(sum of part2_3_length bits / 8) bytes), gathered from wherever it sat in its own file's stream. */
  mainData: Uint8Array;
}

export interface ParsedMp3 {
  /** The ID3v2 tag at the start (header included), or empty. */
  id3: Uint8Array;
  /** The Info/Xing frame (whole), or undefined when the file has none. */
  info: Uint8Array | undefined;
  /** Encoder delay and padding from the LAME tag (samples), when present. */
  encoderDelay: number | undefined;
  padding: number | undefined;
  sampleRate: number;
  /** Samples per frame: 1152 (MPEG-1) or 576 (MPEG-2/2.5). */
  samplesPerFrame: number;
  frames: Mp3Frame[];
}

/**
 * What a frame header says, reduced to what this module needs: `format` (the version and sample-rate bits: frames
 * mix only when equal), the whole frame's `length`, where its side info starts (after the optional CRC) and where
 * its payload starts: the payload is the frame's `slot`, its share of the main data stream.
 */
interface Header {
  format: number;
  mpeg1: boolean;
  sampleRate: number;
  length: number;
  sideInfoAt: number;
  payloadAt: number;
  slot: number;
}

const KBPS_MPEG1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const KBPS_MPEG2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES_MPEG1 = [44100, 48000, 32000];
/** ffmpeg's LAME tag CRC covers this many bytes of the Info frame, whatever the side-info size. */
const LAME_CRC_SPAN = 190;
/** ffmpeg's muxer samples the running byte count into at most this many "bags" to build the TOC (mp3enc.c). */
const TOC_BAGS = 400;

function fail(name: string, at: number, what: string): never {
  throw new Error(`${name}: ${what} at byte ${at}`);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `count` bits (MSB first) starting `bit` bits into `bytes` from `at`. */
function bits(bytes: Uint8Array, at: number, bit: number, count: number): number {
  let value = 0;
  for (let i = bit; i < bit + count; i++) value = (value << 1) | ((bytes[at + (i >> 3)]! >> (7 - (i & 7))) & 1);
  return value;
}

/** Reads the header at `at`, refusing anything but Layer III mono with a known bitrate and sample rate. */
function readHeader(bytes: Uint8Array, at: number, name: string): Header {
  if (at + 4 > bytes.length) fail(name, at, `truncated frame header (${bytes.length - at} bytes left)`);
  const h = view(bytes).getUint32(at);
  if (h >>> 21 !== 0x7ff) fail(name, at, `no MPEG audio frame sync (0x${h.toString(16).padStart(8, "0")})`);
  const version = (h >>> 19) & 3;
  if (version === 1) fail(name, at, "reserved MPEG version");
  if (((h >>> 17) & 3) !== 1) fail(name, at, "not Layer III (Layer I/II are not supported)");
  const bitrateIndex = (h >>> 12) & 15;
  if (bitrateIndex === 0 || bitrateIndex === 15) fail(name, at, bitrateIndex ? "invalid bitrate index" : "free-format bitrate (not supported)");
  const rateIndex = (h >>> 10) & 3;
  if (rateIndex === 3) fail(name, at, "invalid sample-rate index");
  if (((h >>> 6) & 3) !== 3) fail(name, at, "not mono (only single-channel streams are supported)");
  const mpeg1 = version === 3;
  const sampleRate = RATES_MPEG1[rateIndex]! >> (mpeg1 ? 0 : version === 2 ? 1 : 2);
  const kbps = (mpeg1 ? KBPS_MPEG1 : KBPS_MPEG2)[bitrateIndex]!;
  const length = Math.floor(((mpeg1 ? 144000 : 72000) * kbps) / sampleRate) + ((h >>> 9) & 1);
  const sideInfoAt = ((h >>> 16) & 1) === 0 ? 6 : 4;
  const payloadAt = sideInfoAt + (mpeg1 ? 17 : 9);
  return { format: h & 0x180c00, mpeg1, sampleRate, length, sideInfoAt, payloadAt, slot: length - payloadAt };
}

/** Bytes of main data the side info declares: part2_3_length of each granule (2 in MPEG-1, 1 in MPEG-2/2.5). */
function mainDataLength(frame: Uint8Array, h: Header): number {
  const granuleBits = h.mpeg1 ? bits(frame, h.sideInfoAt, 18, 12) + bits(frame, h.sideInfoAt, 77, 12) : bits(frame, h.sideInfoAt, 9, 12);
  return Math.ceil(granuleBits / 8);
}

/** CRC-16 of MPEG audio (polynomial 0x8005, MSB first, init 0xFFFF): header bytes 2-3 then the side info. */
function frameCrc(frame: Uint8Array, h: Header): number {
  let crc = 0xffff;
  for (const byte of [frame[2]!, frame[3]!, ...frame.subarray(h.sideInfoAt, h.payloadAt)]) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** One table step per byte of the LAME CRC (the music CRC runs over the whole file: a bit at a time took ~0.4 s a routine). */
const LAME_CRC_TABLE = Uint16Array.from({ length: 256 }, (_, n) => {
  let crc = n;
  for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  return crc;
});

/** The LAME tag's CRC-16 (reflected polynomial 0xA001, init 0), used for both its music and tag CRCs. */
function lameCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = (crc >>> 8) ^ LAME_CRC_TABLE[(crc ^ bytes[i]!) & 0xff]!;
  return crc;
}

/** Where the fields of an Info/Xing frame sit, or undefined when `frame` is an ordinary audio frame. */
function infoLayout(frame: Uint8Array, h: Header) {
  const at = 4 + (h.mpeg1 ? 17 : 9); // even with a CRC: LAME puts it there, and ffmpeg's demuxer looks there
  const tag = String.fromCharCode(...frame.subarray(at, at + 4));
  if (tag !== "Info" && tag !== "Xing") return undefined;
  const flags = view(frame).getUint32(at + 4);
  let next = at + 8;
  const field = (flag: number, size: number) => (flags & flag ? (next += size) - size : -1);
  const [frames, bytes, toc] = [field(1, 4), field(2, 4), field(4, 100)];
  field(8, 4); // quality: kept as the encoder wrote it
  // A LAME-style tag follows when there is room and it opens with a printable encoder name ("LAME3.100", "Lavc58.42").
  const lame = next + 36 <= frame.length && /^[A-Za-z]{4}/.test(String.fromCharCode(...frame.subarray(next, next + 4))) ? next : -1;
  return { frames, bytes, toc, lame };
}

/** Parses a file's bytes; throws an Error naming `name` and the byte offset on anything it does not understand (free format, Layer I/II, stereo, a frame running past the end, a main_data_begin reaching before the stream start). */
export function parseMp3(bytes: Uint8Array, name: string): ParsedMp3 {
  let at = 0;
  if (bytes.length >= 3 && String.fromCharCode(...bytes.subarray(0, 3)) === "ID3") {
    if (bytes.length < 10) fail(name, 0, "truncated ID3v2 header");
    // The size is syncsafe (7 bits a byte) and leaves out the 10-byte header and the optional v2.4 footer.
    for (let i = 6; i < 10; i++) at = at * 128 + (bytes[i]! & 0x7f);
    at += bytes[5]! & 0x10 ? 20 : 10;
    if (at > bytes.length) fail(name, 0, `ID3v2 tag of ${at} bytes runs past the end of the file`);
  }
  // Copies throughout (Uint8Array.from): Buffer's slice() returns a view, and the caller's bytes must stay as they are.
  const id3 = Uint8Array.from(bytes.subarray(0, at));
  const raw: { at: number; h: Header }[] = [];
  while (at < bytes.length) {
    const h = readHeader(bytes, at, name);
    if (at + h.length > bytes.length) fail(name, at, `frame of ${h.length} bytes runs past the end of the file (${bytes.length - at} bytes left)`);
    if (raw.length > 0 && h.format !== raw[0]!.h.format) fail(name, at, "sample rate or MPEG version changes mid-stream");
    raw.push({ at, h });
    at += h.length;
  }
  if (raw.length === 0) fail(name, at, "no audio frames");
  const first = raw[0]!;
  const layout = infoLayout(bytes.subarray(first.at, first.at + first.h.length), first.h);
  const info = layout ? Uint8Array.from(bytes.subarray(first.at, first.at + first.h.length)) : undefined;
  const lameAt = layout && layout.lame >= 0 ? first.at + layout.lame : -1;
  const audio = layout ? raw.slice(1) : raw;

  // The main data stream is the concatenation of the audio frames' payloads; main data is read out of it. It only
  // ever reaches back, so the stream can be filled frame by frame.
  const stream = new Uint8Array(audio.reduce((n, f) => n + f.h.slot, 0));
  let slot = 0;
  const frames = audio.map(({ at: frameAt, h }): Mp3Frame => {
    const frame = bytes.subarray(frameAt, frameAt + h.length);
    stream.set(frame.subarray(h.payloadAt), slot);
    const begin = bits(frame, h.sideInfoAt, 0, h.mpeg1 ? 9 : 8);
    const start = slot - begin;
    const end = start + mainDataLength(frame, h);
    if (start < 0) fail(name, frameAt, `main_data_begin ${begin} reaches before the first audio frame`);
    if (end > slot + h.slot) fail(name, frameAt, "main data runs past the end of its own frame");
    slot += h.slot;
    return { bytes: Uint8Array.from(frame), mainData: stream.slice(start, end) };
  });
  return {
    id3,
    info,
    encoderDelay: lameAt >= 0 ? bits(bytes, lameAt + 21, 0, 12) : undefined,
    padding: lameAt >= 0 ? bits(bytes, lameAt + 21, 12, 12) : undefined,
    sampleRate: first.h.sampleRate,
    samplesPerFrame: first.h.mpeg1 ? 1152 : 576,
    frames,
  };
}

/**
 * Builds one MP3 from frames (in order; they may come from different files of the same sample rate and bitrate):
 * `id3` first, then an Info frame made from `infoTemplate` (same header) with the frame count, byte count, TOC,
 * encoder delay, padding, music length and both LAME CRCs rewritten, then the frames, whose main data is laid out
 * again from scratch (each as early as its slot and the 511/255-byte limit allow) with `main_data_begin` rewritten.
 * Throws when some frame's main data cannot fit (its data would have to end past its own slot): the caller then
 * encodes the track whole instead.
 */
export function spliceMp3(parts: { id3: Uint8Array; infoTemplate: Uint8Array; frames: Mp3Frame[]; encoderDelay: number; padding: number }): Uint8Array {
  const infoHeader = readHeader(parts.infoTemplate, 0, "spliceMp3 infoTemplate");
  const headers = parts.frames.map((f, n) => readHeader(f.bytes, 0, `spliceMp3 frame ${n}`));
  headers.forEach((h, n) => {
    if (h.format !== infoHeader.format) throw new Error(`spliceMp3: frame ${n} has another sample rate or MPEG version than the Info frame`);
    if (h.length !== parts.frames[n]!.bytes.length) throw new Error(`spliceMp3: frame ${n} is ${parts.frames[n]!.bytes.length} bytes, its header says ${h.length}`);
    if (parts.frames[n]!.mainData.length < mainDataLength(parts.frames[n]!.bytes, h)) throw new Error(`spliceMp3: frame ${n}'s mainData is shorter than its side info declares`);
  });

  // Lay the main data out again, each frame's as early as possible: no earlier than where the previous frame's
  // ended, nor more than main_data_begin's maximum before its own payload. Earliest-first leaves the most room for
  // the frames after it, so if this layout fails, every layout fails. Gaps stay zero (ancillary data, ignored).
  const maxBegin = infoHeader.mpeg1 ? 511 : 255;
  const stream = new Uint8Array(headers.reduce((n, h) => n + h.slot, 0));
  let slot = 0; // where this frame's payload starts in the main data stream
  let free = 0; // where the previous frame's main data ended
  const begins = parts.frames.map((f, n) => {
    const start = Math.max(free, slot - maxBegin);
    free = start + f.mainData.length;
    slot += headers[n]!.slot;
    if (free > slot) {
      throw new Error(`spliceMp3: frame ${n}'s main data (${f.mainData.length} bytes) does not fit: it would end ${free - slot} bytes past its own slot (fix: encode the track whole)`);
    }
    stream.set(f.mainData, start);
    return slot - headers[n]!.slot - start;
  });
  // Then each frame: its header and side info with the new main_data_begin, and its share of the stream.
  const audio = new Uint8Array(parts.frames.reduce((n, f) => n + f.bytes.length, 0));
  let out = 0;
  slot = 0;
  parts.frames.forEach((f, n) => {
    const h = headers[n]!;
    const frame = audio.subarray(out, out + h.length);
    frame.set(f.bytes.subarray(0, h.payloadAt));
    frame.set(stream.subarray(slot, slot + h.slot), h.payloadAt);
    const side = view(frame); // main_data_begin: the side info's first 9 bits (MPEG-1) or 8 bits (MPEG-2/2.5)
    if (h.mpeg1) side.setUint16(h.sideInfoAt, (begins[n]! << 7) | (side.getUint16(h.sideInfoAt) & 0x7f));
    else frame[h.sideInfoAt] = begins[n]!;
    // The CRC covers the side info, which now says another main_data_begin.
    if (h.sideInfoAt === 6) side.setUint16(4, frameCrc(frame, h));
    slot += h.slot;
    out += h.length;
  });
  const info = makeInfo(parts.infoTemplate, infoHeader, headers, audio, parts.encoderDelay, parts.padding);
  return Buffer.concat([parts.id3, info, audio]);
}

/** The Info frame for `audio`, with the conventions ffmpeg 4.1's muxer uses (checked against its output byte for byte). */
function makeInfo(template: Uint8Array, h: Header, headers: Header[], audio: Uint8Array, delay: number, padding: number): Uint8Array {
  const info = Uint8Array.from(template);
  const layout = infoLayout(info, h);
  if (info.length !== h.length || !layout) throw new Error("spliceMp3: infoTemplate is not a whole Info/Xing frame");
  if (layout.frames < 0 || layout.bytes < 0 || layout.toc < 0 || layout.lame < 0 || info.length < LAME_CRC_SPAN) {
    throw new Error("spliceMp3: infoTemplate lacks the frame count, byte count, TOC or LAME tag");
  }
  if (!(delay >= 0 && delay < 4096 && padding >= 0 && padding < 4096)) throw new Error(`spliceMp3: encoder delay ${delay} or padding ${padding} outside 0..4095`);
  // "Bytes" and the LAME "music length" both count the Info frame plus the audio frames (not the ID3 tag);
  // the frame count excludes the Info frame.
  const size = info.length + audio.length;
  const fields = view(info);
  fields.setUint32(layout.frames, headers.length);
  fields.setUint32(layout.bytes, size);
  // The TOC as ffmpeg's muxer builds it: it samples the running byte count (from the Info frame on) every `want`
  // frames into at most 400 "bags", dropping every other bag and doubling `want` when they are full; entry i is
  // 256 * bag[floor(i * bags / 100)] / size. Once done, `want` is the least power of two that leaves < 400 bags.
  let running = info.length;
  const ends = headers.map((fh) => (running += fh.length));
  let want = 1;
  while (Math.floor(headers.length / want) >= TOC_BAGS) want *= 2;
  const bags = Math.floor(headers.length / want);
  for (let i = 0; i < 100; i++) {
    const end = i === 0 ? 0 : (ends[want * (Math.floor((i * bags) / 100) + 1) - 1] ?? 0);
    info[layout.toc + i] = Math.min(255, Math.floor((256 * end) / size));
  }
  const lame = layout.lame;
  info.set([delay >> 4, ((delay & 15) << 4) | (padding >> 8), padding & 0xff], lame + 21); // 12 bits each
  fields.setUint32(lame + 28, size);
  fields.setUint16(lame + 32, lameCrc(audio));
  // LAME's tag CRC covers the bytes before its field (190 with a stereo MPEG-1 side info); ffmpeg always covers 190
  // bytes, which in a mono frame run past the field, computed while the field is 0. Keep the template's way.
  const span = lameCrc(template.subarray(0, lame + 34)) === fields.getUint16(lame + 34) ? lame + 34 : LAME_CRC_SPAN;
  fields.setUint16(lame + 34, 0);
  fields.setUint16(lame + 34, lameCrc(info.subarray(0, span)));
  return info;
}
