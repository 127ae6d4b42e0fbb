import { describe, expect, it } from "vitest";
import { formatClock } from "../../../content/clock.js";
import { escapeXml } from "../../../content/xml.js";
import { fileHref, formatBytes, formatDuration, fragmentSeconds, isoDuration } from "../../../generator/site/format.js";

describe("publishing formats", () => {
  it("escapes child's pose, & and markup characters once per call (callers escape at the boundary only)", () => {
    expect(escapeXml(`Child's pose & "cat-cow" <gently>`)).toBe("Child&apos;s pose &amp; &quot;cat-cow&quot; &lt;gently&gt;");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });

  it("shows positions as players do", () => {
    expect([formatClock(0), formatClock(5_999), formatClock(750_000), formatClock(3_723_000)]).toEqual(["0:00", "0:05", "12:30", "1:02:03"]);
  });

  it("shows lengths as people read them, dropping seconds from 10 minutes on", () => {
    expect([formatDuration(45_000), formatDuration(210_000), formatDuration(1_777_000), formatDuration(3_900_000)]).toEqual([
      "45 s", "3 min 30 s", "30 min", "1 h 5 min",
    ]);
    expect([isoDuration(0), isoDuration(750_000), isoDuration(3_600_000)]).toEqual(["PT0S", "PT12M30S", "PT1H"]);
  });

  it("formats sizes, fragment seconds and file hrefs", () => {
    expect([formatBytes(850_000), formatBytes(12_400_000)]).toEqual(["850 kB", "12.4 MB"]);
    expect([fragmentSeconds(12_000), fragmentSeconds(12_500)]).toEqual(["12", "12.5"]);
    expect(fileHref("routines/upper back.mp3")).toBe("routines/upper%20back.mp3");
  });
});
