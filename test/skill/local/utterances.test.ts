import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UtteranceRouter, type InteractionModel } from "../../../skill/local/utterances.js";

const model = JSON.parse(readFileSync("skill-package/interactionModels/custom/en-US.json", "utf8")) as InteractionModel;
const router = new UtteranceRouter(model, "amzn1.ask.skill.test");
const exerciseType = model.interactionModel.languageModel.types!.find((t) => t.name === "EXERCISE")!;

function resolvedId(routed: ReturnType<UtteranceRouter["route"]>, slot: string): string | undefined {
  if (routed?.kind !== "intent") return undefined;
  const value = routed.slots[slot] as { resolutions?: { resolutionsPerAuthority: Array<{ status: { code: string }; values?: Array<{ value: { id: string } }> }> } };
  const authority = value?.resolutions?.resolutionsPerAuthority[0];
  return authority?.status.code === "ER_SUCCESS_MATCH" ? authority.values![0]!.value.id : undefined;
}

describe("UtteranceRouter over the checked-in en-US interaction model", () => {
  it("launches on the invocation phrases people use", () => {
    for (const phrase of ["start upper back routine", "Alexa, open upper back routine", "launch upper back routine"]) {
      expect(router.route(phrase), phrase).toEqual({ kind: "launch" });
    }
  });

  it("routes one-shot requests into a new session with the slot resolved to the catalog id", () => {
    const routed = router.route("ask upper back routine for cat cow");
    expect(routed).toMatchObject({ kind: "intent", name: "PickExerciseIntent", oneShot: true });
    expect(resolvedId(routed, "exercise")).toBe("cat-cow");
    expect(router.route("tell upper back routine it hurts")).toMatchObject({ name: "PainIntent", oneShot: true });
  });

  it("resolves every exercise synonym in the model to its id", () => {
    for (const value of exerciseType.values) {
      for (const said of [value.name.value, ...(value.name.synonyms ?? [])]) {
        expect(resolvedId(router.route(`ask upper back routine for ${said}`), "exercise"), said).toBe(value.id);
      }
    }
  });

  it("maps the built-in phrases and the custom samples in session", () => {
    expect(router.route("next")).toMatchObject({ name: "AMAZON.NextIntent", oneShot: false });
    expect(router.route("it hurts")).toMatchObject({ name: "PainIntent" });
    expect(router.route("What exercises are there?")).toMatchObject({ name: "ListExercisesIntent" });
    expect(router.route("stop")).toMatchObject({ name: "AMAZON.StopIntent" });
    expect(router.route("yes")).toMatchObject({ name: "AMAZON.YesIntent" });
  });

  it("keeps an unknown exercise name as heard (no match) and sends gibberish to Fallback", () => {
    const unknown = router.route("ask upper back routine for handstand push ups");
    expect(unknown).toMatchObject({ name: "PickExerciseIntent" });
    expect(resolvedId(unknown, "exercise")).toBeUndefined();
    expect(router.route("purple monkey dishwasher")).toMatchObject({ name: "AMAZON.FallbackIntent" });
  });
});
