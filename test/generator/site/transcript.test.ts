import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unescapeXml } from "../../../content/xml.js";
import { withPublication } from "../../../generator/site/published.js";
import { renderWebVtt, transcriptFileFor, vttTime, writeTranscripts } from "../../../generator/site/transcript.js";
import { pacedManifest, sampleManifest } from "./fixtures.js";

describe("WebVTT transcripts", () => {
  it("sit beside the MP3 under the same stem", () => {
    expect(transcriptFileFor("routine-quick-gentle.mp3")).toBe("routine-quick-gentle.vtt");
    expect(transcriptFileFor("alexa/exercise-cat-cow.mp3")).toBe("alexa/exercise-cat-cow.vtt");
  });

  it("write WebVTT timestamps with hours and milliseconds", () => {
    expect([vttTime(0), vttTime(61_005), vttTime(3_723_450)]).toEqual(["00:00:00.000", "00:01:01.005", "01:02:03.450"]);
  });

  it("give one cue per speech segment at its measured time, and nothing for pauses and chimes", () => {
    const [childsPose, quick] = sampleManifest().tracks;
    expect(renderWebVtt(childsPose!)).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nChild's pose.\n");
    expect(renderWebVtt(quick!)).toBe(
      "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nNeck rotation.\n\n00:01:00.000 --> 00:02:05.500\nChild's pose.\n",
    );
  });

  it("escape & and < once, and break long lines at 65 characters", () => {
    const track = sampleManifest().tracks[0]!;
    const text = "Kneel & sit back <gently> on your heels, then rest your forehead on the mat and breathe slowly.";
    track.segments = [{ type: "speech", startMs: 0, endMs: 9_000, text }];
    const cue = renderWebVtt(track).trimEnd().split("\n\n")[1]!.split("\n");
    expect(cue.slice(1)).toEqual(["Kneel &amp; sit back &lt;gently&gt; on your heels, then rest your forehead", "on the mat and breathe slowly."]);
    expect(cue.slice(1).map((line) => unescapeXml(line).length <= 65)).toEqual([true, true]);
  });

  it("are written once per track and not rewritten when unchanged", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vtt-"));
    const manifest = pacedManifest();
    const first = await writeTranscripts(manifest, dir);
    expect(first.map((f) => [f.path.slice(dir.length + 1), f.changed])).toEqual(manifest.tracks.map((t) => [t.transcript, true]));
    expect(await readFile(join(dir, "routine-quick-deeper.vtt"), "utf8")).toMatch(/^WEBVTT\n\n00:00:00.000 --> 00:00:06.250\nNeck rotation.\n/);
    expect((await writeTranscripts(manifest, dir)).filter((f) => f.changed)).toEqual([]);
  });
});

describe("first publication dates", () => {
  it("keep a track's date once it has one, and date new tracks now, a minute apart in list order", () => {
    const tracks = pacedManifest().tracks;
    delete tracks[1]!.publishedAt;
    delete tracks[2]!.publishedAt;
    const stamped = withPublication(tracks, new Date("2026-12-01T01:02:03.456Z"));
    expect(stamped.map((t) => t.publishedAt)).toEqual([
      "2026-11-20T09:00:00.000Z", "2026-12-01T01:01:03.000Z", "2026-12-01T01:00:03.000Z",
      "2026-11-20T09:00:00.000Z", "2026-11-20T09:00:00.000Z", "2026-11-20T09:00:00.000Z",
    ]);
    expect(withPublication(stamped, new Date("2027-01-01T00:00:00Z"))).toEqual(stamped);
  });

  it("name every track's transcript", () => {
    const stamped = withPublication(sampleManifest().tracks, new Date("2026-12-01T00:00:00Z"));
    expect(stamped.map((t) => t.transcript)).toEqual(["childs-pose.vtt", "quick.vtt"]);
  });
});
