import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSkill } from "../../../skill/index.js";
import { ChatSession } from "../../../skill/local/chat.js";
import { MemoryPersistenceAdapter } from "../../../skill/local/memory-persistence.js";
import { UtteranceRouter, type InteractionModel } from "../../../skill/local/utterances.js";
import type { Manifest } from "../../../content/manifest.js";

const model = JSON.parse(readFileSync("skill-package/interactionModels/custom/en-US.json", "utf8")) as InteractionModel;
const EXERCISES = ["chest-expansion", "neck-rotation", "shoulder-blade-squeeze", "seated-twist", "thoracic-spine-rotation",
  "upper-trapezius-stretch", "lat-pulldown-with-towel", "cat-cow", "foam-roller", "childs-pose"];
const manifest: Manifest = {
  tracks: EXERCISES.map((id) => ({ id, kind: "exercise", title: id, file: `alexa/${id}.mp3`, durationMs: 120_000, pace: "standard", chapters: [], segments: [] })),
};

function audioChat() {
  let now = 1_000_000;
  const skill = createSkill({ audioBaseUrl: "https://cdn.example.com/sessions", manifest }, { persistenceAdapter: new MemoryPersistenceAdapter() });
  const chat = new ChatSession(skill, new UtteranceRouter(model), { audioPlayer: true }, () => now);
  return { chat, advance: (ms: number) => (now += ms) };
}

describe("ChatSession (the engine of `upper-back chat`)", () => {
  it("keeps the session between turns and shows what each utterance became", async () => {
    const chat = new ChatSession(createSkill({}), new UtteranceRouter(model));
    await chat.say("start upper back routine");
    const launch = await chat.say("yes");
    expect(launch.join("\n")).toMatch(/^Alexa: .+\[pause \d+(\.\d)? s\]/m);
    expect(chat.isSessionOpen).toBe(true);
    expect(await chat.say("it hurts")).toEqual(expect.arrayContaining(["  → PainIntent"]));
    const stop = await chat.say("stop");
    expect(stop).toContain("  (session closed)");
    expect(chat.isSessionOpen).toBe(false);
    expect(await chat.leave()).toEqual([]);
  });

  it("ends an open session with SessionEndedRequest when the person leaves", async () => {
    const chat = new ChatSession(createSkill({}), new UtteranceRouter(model));
    await chat.say("start upper back routine");
    expect(await chat.leave()).toEqual(["  (session ended: no answer, as when you walk away)"]);
    expect(chat.isSessionOpen).toBe(false);
  });

  it("acts as the device's player in AudioPlayer mode: stop during playback pauses, resume keeps the offset", async () => {
    const { chat, advance } = audioChat();
    await chat.say("start upper back routine");
    const start = await chat.say("yes");
    expect(start).toContain("  [plays chest-expansion.mp3 from 0:00]");
    advance(42_000);
    const stop = await chat.say("stop");
    expect(stop).toContain("  (during playback Alexa sends this as AMAZON.PauseIntent)");
    expect(stop).toContain("  [playback stopped at 0:42]");
    const resume = await chat.say("resume");
    expect(resume).toContain("  [plays chest-expansion.mp3 from 0:42]");
    const next = await chat.say("next");
    expect(next).toContain("  [plays neck-rotation.mp3 from 0:00]");
    for (const line of [...start, ...stop, ...resume, ...next]) expect(line).not.toContain("(!)");
  });
});
