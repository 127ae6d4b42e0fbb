import { describe, expect, it } from "vitest";
import { createTtsEngine, DEFAULT_ENGINE, defaultVoice, ENGINE_IDS, type EngineId } from "../../../generator/tts/index.js";

describe("createTtsEngine", () => {
  it("gives the offline Flite voice slt at 16 kHz by default", async () => {
    const engine = await createTtsEngine();
    try {
      expect({ id: engine.id, voice: engine.voice, sampleRate: engine.sampleRate }).toEqual({ id: "flite", voice: "slt", sampleRate: 16000 });
      expect(DEFAULT_ENGINE).toBe("flite");
    } finally {
      await engine.close();
    }
  });

  it("still offers espeak as an offline choice, with its own default voice", async () => {
    const engine = await createTtsEngine({ engine: "espeak" });
    try {
      expect({ id: engine.id, voice: engine.voice }).toEqual({ id: "espeak", voice: defaultVoice("espeak") });
    } finally {
      await engine.close();
    }
  });

  it("has a default voice for every engine the CLI offers", () => {
    for (const id of ENGINE_IDS) expect(defaultVoice(id)).toMatch(/\S/);
  });

  it("names the flag and the choices for an unknown engine", async () => {
    await expect(createTtsEngine({ engine: "festival" as EngineId })).rejects.toThrow('tts: engine "festival" is not one of flite, espeak, polly (flag --engine)');
  });
});
