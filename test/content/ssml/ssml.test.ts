import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../content/load.js";
import { planExercise, planRoutine } from "../../../content/plan.js";
import { PACE_IDS } from "../../../content/schema.js";
import type { Cue } from "../../../content/timeline.js";
import { alexaPieces, alexaSsml, packResponse, splitForAlexa, ALEXA_MAX_SSML_CHARS } from "../../../content/ssml/alexa.js";
import { chainBreaks } from "../../../content/ssml/builder.js";
import { escapeXml } from "../../../content/xml.js";
import { pollyBilledCharacters, pollyRequests, POLLY_MAX_BILLED_CHARS } from "../../../content/ssml/polly.js";
import { breaksMs, spokenText, xmlError } from "../../support/ssml-check.js";

const catalog = loadCatalog();
const allTimelines = PACE_IDS.flatMap((pace) => [
  ...[...catalog.routines.keys()].map((id) => planRoutine(catalog, id, pace)),
  ...[...catalog.exercises.keys()].map((id) => planExercise(catalog, id, pace)),
]);

describe("alexa dialect", () => {
  it("chains breaks for a 25 s hold: 10 s + 10 s + 5 s", () => {
    expect(chainBreaks(25_000)).toEqual([10_000, 10_000, 5_000]);
    const ssml = alexaSsml([{ type: "pause", ms: 25_000, purpose: "hold" }]);
    expect(breaksMs(ssml)).toEqual([10_000, 10_000, 5_000]);
    expect(ssml).toBe("<speak><break time='10s'/> <break time='10s'/> <break time='5s'/></speak>");
  });

  it("keeps odd pauses exact in milliseconds", () => {
    expect(breaksMs(alexaSsml([{ type: "pause", ms: 12_345, purpose: "rest" }]))).toEqual([10_000, 2_345]);
  });

  it("escapes text exactly once: child's pose, & and < survive intact", () => {
    const text = `Child's pose & the "cat" < cow > dog`;
    const ssml = alexaSsml([{ type: "speech", text, role: "step" }]);
    expect(xmlError(ssml)).toBeUndefined();
    expect(ssml).toContain("Child&apos;s pose &amp; the &quot;cat&quot; &lt; cow &gt; dog");
    expect(ssml).not.toContain("&amp;apos;");
    expect(spokenText(ssml)).toBe(text);
  });

  it("plays chimes only from an HTTPS base URL", () => {
    const cues: Cue[] = [{ type: "chime", sound: "start" }, { type: "speech", text: "Go.", role: "coach" }];
    expect(alexaSsml(cues)).not.toContain("<audio");
    expect(alexaSsml(cues, { audioBaseUrl: "http://example.com" })).not.toContain("<audio");
    expect(alexaSsml(cues, { audioBaseUrl: "https://cdn.example.com/a/" })).toContain(`<audio src="https://cdn.example.com/a/chimes/start.mp3"/>`);
  });

  it("splits every routine and exercise into final responses under 8,000 characters, losing nothing, no break over 10 s", () => {
    const closing = "Say next when you're ready.";
    const inner = (ssml: string) => ssml.replace(/^<speak>/, "").replace(/<\/speak>$/, "");
    for (const timeline of allTimelines) {
      const responses = splitForAlexa(timeline, { audioBaseUrl: "https://cdn.example.com/s", closing });
      expect(alexaPieces(timeline).flat()).toEqual(timeline.cues);
      for (const ssml of responses) {
        expect(xmlError(ssml), timeline.id).toBeUndefined();
        expect(ssml.length, timeline.id).toBeLessThan(ALEXA_MAX_SSML_CHARS);
        expect(ssml.endsWith(`<s>${escapeXml(closing)}</s></speak>`)).toBe(true);
        expect(Math.max(0, ...breaksMs(ssml))).toBeLessThanOrEqual(10_000);
      }
      const withoutClosings = responses.map((r) => inner(r).replace(` <s>${escapeXml(closing)}</s>`, "")).join(" ");
      expect(withoutClosings, timeline.id).toBe(inner(alexaSsml(timeline.cues, { audioBaseUrl: "https://cdn.example.com/s" })));
    }
  });

  it("gives a routine one response per exercise when each fits, never two exercises in one", () => {
    const t = planRoutine(catalog, "upper-back", "standard");
    const responses = splitForAlexa(t);
    // The introduction's chapter has no exercise: it rides with the first exercise.
    const exercises = t.cues.filter((c) => c.type === "chapter" && c.exerciseId !== undefined).length;
    expect(responses.length).toBeGreaterThanOrEqual(exercises);
    for (const r of responses) expect((spokenText(r).match(/Exercise \d+ of \d+:/g) ?? []).length).toBeLessThanOrEqual(1);
  });

  it("splits a long exercise at set boundaries when given a small limit", () => {
    const t = planExercise(catalog, "neck-rotation", "deeper");
    const responses = splitForAlexa(t, { limit: 1500 });
    expect(responses.length).toBeGreaterThan(1);
    for (const r of responses) expect(r.length).toBeLessThan(1500);
  });

  it("packs the real prefix and closing: a longer prefix moves sets to the next response, never past the limit", () => {
    const pieces = alexaPieces(planExercise(catalog, "neck-rotation", "deeper"));
    const prefix: Cue[] = Array.from({ length: 12 }, () => ({ type: "speech", text: "A long welcome & safety note, said once.", role: "coach" }));
    const bare = packResponse(pieces, 0, { closing: "Say next.", limit: 2500 });
    const prefixed = packResponse(pieces, 0, { prefix, closing: "Say next.", limit: 2500 });
    expect(prefixed.ssml.length).toBeLessThan(2500);
    expect(prefixed.ssml.startsWith("<speak><s>A long welcome &amp; safety note, said once.</s>")).toBe(true);
    expect(prefixed.next).toBeLessThan(bare.next);
    expect(prefixed.next).toBeGreaterThan(0);
    expect(() => packResponse(pieces, 0, { prefix: [...prefix, ...prefix, ...prefix, ...prefix], limit: 2500 })).toThrow(/over Alexa's 2500; add setStart boundaries/);
  });
});

describe("count-downs in Alexa's SSML", () => {
  it("follows each counted number with the rest of its one-second slot as a break", () => {
    const cues: Cue[] = [
      { type: "speech", text: "Three.", role: "count", slotMs: 1000 },
      { type: "speech", text: "Two.", role: "count", slotMs: 1000 },
    ];
    const ssml = alexaSsml(cues);
    expect(xmlError(ssml)).toBeUndefined();
    const breaks = breaksMs(ssml);
    expect(breaks).toHaveLength(2);
    for (const ms of breaks) expect(ms > 0 && ms < 1000).toBe(true);
  });
});

describe("polly dialect", () => {
  const long = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} about child's pose & breathing.`).join(" ");

  it("splits long text into requests of at most 3,000 billed characters at sentence boundaries", () => {
    const requests = pollyRequests(long, { engine: "neural" });
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) {
      expect(xmlError(r)).toBeUndefined();
      expect(pollyBilledCharacters(r)).toBeLessThanOrEqual(POLLY_MAX_BILLED_CHARS);
      expect(spokenText(r)).toMatch(/breathing\.$/);
    }
    expect(requests.map(spokenText).join(" ")).toBe(long);
  });

  it("counts entities as one billed character", () => {
    expect(pollyBilledCharacters(`<speak><s>${escapeXml("a & b's")}</s></speak>`)).toBe("a & b's".length);
  });

  it("uses prosody rate on standard and neural, and no engine-rejected tags on generative", () => {
    const text = "Breathe in slowly.";
    expect(pollyRequests(text, { engine: "standard", ratePercent: 90 })[0]).toContain(`<prosody rate="90%">`);
    expect(pollyRequests(text, { engine: "neural", ratePercent: 90 })[0]).toContain(`<prosody rate="90%">`);
    const generative = pollyRequests(text, { engine: "generative", ratePercent: 90 })[0]!;
    expect(generative).not.toMatch(/<prosody|<emphasis|amazon:/);
    for (const engine of ["standard", "neural", "generative"] as const) {
      for (const r of pollyRequests(long, { engine, ratePercent: 85 })) expect(r).not.toContain("<emphasis");
    }
  });

  it("breaks a single sentence longer than the limit at commas", () => {
    const sentence = `${Array.from({ length: 700 }, (_, i) => `word${i}`).join(", ")}.`;
    const requests = pollyRequests(sentence, { engine: "standard" });
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) expect(pollyBilledCharacters(r)).toBeLessThanOrEqual(POLLY_MAX_BILLED_CHARS);
  });
});
