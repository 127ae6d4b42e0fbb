import { describe, expect, it } from "vitest";
import { createTtsEngine, defaultVoice, type EngineId } from "../../../generator/tts/index.js";

describe("createTtsEngine", () => {
  it("gives the offline espeak voice by default", async () => {
    const engine = await createTtsEngine();
    try {
      expect({ id: engine.id, voice: engine.voice, sampleRate: engine.sampleRate }).toEqual({ id: "espeak", voice: defaultVoice("espeak"), sampleRate: 22050 });
    } finally {
      await engine.close();
    }
  });

  it("names the flag and the choices for an unknown engine", async () => {
    await expect(createTtsEngine({ engine: "festival" as EngineId })).rejects.toThrow('tts: engine "festival" is not one of espeak, polly (flag --engine)');
  });
});
