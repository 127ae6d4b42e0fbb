import { describe, expect, it } from "vitest";
import { breakMs, ssmlToText, wrapLine } from "../../../skill/local/speech.js";

describe("ssmlToText (what `upper-back chat` prints)", () => {
  it("shows a 25 s hold chained as 10 s + 10 s + 5 s breaks as one pause", () => {
    const ssml = '<speak>Hold. <break time="10s"/><break time="10s"/> <break time="5s"/> And release.</speak>';
    expect(ssmlToText(ssml)).toBe("Hold. [pause 25 s] And release.");
  });

  it("reads milliseconds and strengths, and leaves sub-second breaks out as punctuation", () => {
    expect(breakMs('time="1500ms"')).toBe(1500);
    expect(breakMs('time="2s"')).toBe(2000);
    expect(breakMs('strength="x-strong"')).toBe(1000);
    expect(ssmlToText('<speak>One<break time="300ms"/> two <break time="1500ms"/>three</speak>')).toBe("One two [pause 1.5 s] three");
  });

  it("unescapes text exactly once: child's pose & friends", () => {
    expect(ssmlToText("<speak><p>Child&apos;s pose &amp; friends &lt;3</p><p>Next.</p></speak>")).toBe("Child's pose & friends <3 Next.");
    expect(ssmlToText("<speak>&amp;apos;</speak>")).toBe("&apos;");
  });

  it("names audio clips by file", () => {
    expect(ssmlToText('<speak>Listen. <audio src="https://cdn.example.com/alexa/cat%20cow.mp3"/> Done.</speak>')).toBe("Listen. [audio: cat cow.mp3] Done.");
  });

  it("shows a pause that ends the speech", () => {
    expect(ssmlToText('<speak>Rest. <break time="10s"/></speak>')).toBe("Rest. [pause 10 s]");
  });

  it("wraps long lines at words for a terminal, indenting continuations", () => {
    expect(wrapLine("Alexa: one two three four five six seven", 20)).toBe("Alexa: one two three\n  four five six\n  seven");
    expect(wrapLine("short", 20)).toBe("short");
  });
});
