// The interaction model is generated from content, checked in, valid against SMAPI's schema, and follows Alexa's rules.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { buildInteractionModel, LOCALES, modelPath, renderModels, sampleProblems } from "../../skill/model/generate.js";
import { modelCommand } from "../../skill/cli/model.js";
import { ROOT } from "./harness.js";
import { spec, validator } from "../support/smapi-schema.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const catalog = loadCatalog();

describe("interaction model", () => {
  it.each(LOCALES)("checked-in %s model equals what content generates (run `npx upper-back model` if not)", (locale) => {
    const generated = renderModels(catalog).get(locale)!;
    expect(readFileSync(modelPath(ROOT, locale), "utf8")).toBe(generated);
  });

  it("validates against the InteractionModelData schema of ask-smapi-model's spec.json, also with no unknown fields", () => {
    expect(spec.swagger).toBe("2.0");
    for (const strict of [false, true]) {
      const validate = validator("v1.skill.interactionModel.InteractionModelData", strict);
      for (const locale of LOCALES) {
        const model = JSON.parse(readFileSync(modelPath(ROOT, locale), "utf8"));
        const ok = validate(model);
        expect(validate.errors ?? [], `${locale} strict=${strict}`).toEqual([]);
        expect(ok).toBe(true);
      }
    }
  });

  it("the schema check catches a broken model (a value without synonyms, an unknown field)", () => {
    const model: any = buildInteractionModel(catalog);
    model.interactionModel.languageModel.types[0].values[0].name.synonyms = [];
    expect(validator("v1.skill.interactionModel.InteractionModelData", false)(model)).toBe(false);
    const typo: any = buildInteractionModel(catalog);
    typo.interactionModel.languageModel.intents[0].sampels = ["start"];
    expect(validator("v1.skill.interactionModel.InteractionModelData", true)(typo)).toBe(false);
  });

  it("launches as 'upper back routine' and holds every required intent", () => {
    const lm = buildInteractionModel(catalog).interactionModel.languageModel;
    expect(lm.invocationName).toBe("upper back routine");
    const names = lm.intents.map((i) => i.name);
    for (const name of [
      "StartRoutineIntent", "PickExerciseIntent", "ListExercisesIntent", "HowToIntent", "SkipIntent", "SlowerIntent", "FasterIntent",
      "PainIntent", "ContinueIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.FallbackIntent",
      "AMAZON.NavigateHomeIntent", "AMAZON.NextIntent", "AMAZON.PreviousIntent", "AMAZON.RepeatIntent", "AMAZON.StartOverIntent",
      "AMAZON.PauseIntent", "AMAZON.ResumeIntent", "AMAZON.YesIntent", "AMAZON.NoIntent",
    ]) expect(names).toContain(name);
    const pain = lm.intents.find((i) => i.name === "PainIntent")!.samples;
    for (const s of ["it hurts", "i feel pain", "that hurts", "ouch"]) expect(pain).toContain(s);
    const cont = lm.intents.find((i) => i.name === "ContinueIntent")!.samples;
    for (const s of ["continue where i left off", "resume my routine"]) expect(cont).toContain(s);
  });

  it("slot values are content ids with the names people say", () => {
    const types = buildInteractionModel(catalog).interactionModel.languageModel.types;
    const exercise = types.find((t) => t.name === "EXERCISE")!;
    expect(exercise.values.map((v) => v.id).sort()).toEqual([...catalog.exercises.keys()].sort());
    const catCow = exercise.values.find((v) => v.id === "cat-cow")!;
    expect(catCow.name.synonyms).toEqual(expect.arrayContaining(["cat cow", "cat and cow"]));
    expect(types.find((t) => t.name === "ROUTINE")!.values.map((v) => v.id).sort()).toEqual([...catalog.routines.keys()].sort());
    expect(types.find((t) => t.name === "PACE")!.values.map((v) => v.id)).toEqual(["gentle", "standard", "deeper"]);
  });

  it("the rule check names duplicates, question marks and bare built-in slots, and allows bare custom slots", () => {
    const model = buildInteractionModel(catalog);
    const intents = model.interactionModel.languageModel.intents;
    intents.find((i) => i.name === "SkipIntent")!.samples.push("it hurts", "skip this?");
    intents.find((i) => i.name === "PickExerciseIntent")!.samples.push("{exercise} twice");
    intents.push({ name: "DateIntent", slots: [{ name: "day", type: "AMAZON.DATE" }], samples: ["{day}"] });
    intents.find((i) => i.name === "StartRoutineIntent")!.samples.push("do the {routine} {pace}");
    const problems = sampleProblems(model);
    expect(problems.some((p) => p.includes('"it hurts": duplicate'))).toBe(true);
    expect(problems.some((p) => p.includes('"skip this?"'))).toBe(true);
    expect(problems.some((p) => p.includes('DateIntent: "{day}": only custom slot types may stand alone'))).toBe(true);
    expect(problems.some((p) => p.includes('"{exercise}"'))).toBe(false);
    expect(problems.some((p) => p.includes("side by side"))).toBe(true);
  });
});

describe("upper-back model", () => {
  it("writes every locale, then --check passes, and fails (exit code 1) once a file drifts", async () => {
    const root = mkdtempSync(join(tmpdir(), "ubr-model-"));
    const run = async (check: boolean) => {
      process.exitCode = undefined;
      await (modelCommand.handler as (a: unknown) => unknown)({ check, root, _: [], $0: "upper-back" });
      const code = process.exitCode;
      process.exitCode = undefined;
      return code;
    };
    try {
      expect(await run(true)).toBe(1);
      expect(await run(false)).toBeUndefined();
      for (const locale of LOCALES) expect(readFileSync(modelPath(root, locale), "utf8")).toBe(renderModels(catalog).get(locale));
      expect(await run(true)).toBeUndefined();
      writeFileSync(modelPath(root, "en-IN"), "{}\n");
      expect(await run(true)).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("skill.json", () => {
  const manifest = JSON.parse(readFileSync(`${ROOT}/skill-package/skill.json`, "utf8"));

  it("validates against SMAPI's SkillManifestEnvelope schema, also with no unknown fields", () => {
    for (const strict of [false, true]) {
      const validate = validator("v1.skill.Manifest.SkillManifestEnvelope", strict);
      expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("is a health skill that says it is not medical advice, with the launch phrase and honest compliance flags", () => {
    const m = manifest.manifest;
    expect(m.publishingInformation.category).toBe("HEALTH_AND_FITNESS");
    for (const locale of LOCALES) {
      const info = m.publishingInformation.locales[locale];
      expect(info.description).toContain("not a substitute for professional medical advice");
      expect(info.examplePhrases[0]).toBe("Alexa, start upper back routine");
      expect(info.summary.length).toBeLessThanOrEqual(160);
    }
    expect(m.privacyAndCompliance).toMatchObject({ allowsPurchases: false, isChildDirected: false, usesPersonalInfo: false, containsAds: false, isExportCompliant: true });
    expect(m.apis.custom.interfaces).toContainEqual({ type: "AUDIO_PLAYER" });
  });

  it("example phrases come from the sample utterances", () => {
    const samples = buildInteractionModel(catalog).interactionModel.languageModel.intents.flatMap((i) => i.samples);
    const exerciseNames = buildInteractionModel(catalog).interactionModel.languageModel.types[0]!.values.flatMap((v) => v.name.synonyms);
    for (const phrase of manifest.manifest.publishingInformation.locales["en-US"].examplePhrases.slice(1) as string[]) {
      const utterance = phrase.replace(/^Alexa, ask upper back routine (to )?/, "").toLowerCase();
      const matched = samples.some((s) => s === utterance || exerciseNames.some((n) => s.replace("{exercise}", n) === utterance));
      expect(matched, phrase).toBe(true);
    }
  });
});

describe("every sample routes to its intent on the real model", () => {
  it("utters each custom sample (slots filled with content names) and the skill receives that intent", async () => {
    const { harness } = await import("./harness.js");
    const lm = buildInteractionModel(catalog).interactionModel.languageModel;
    const firstName = (type: string, i: number) => {
      if (type.startsWith("AMAZON.")) return "my upper back";
      const values = lm.types.find((t) => t.name === type)!.values;
      return values[i % values.length]!.name.synonyms.at(-1)!;
    };
    const wrong: string[] = [];
    let n = 0;
    for (const intent of lm.intents) {
      for (const sample of intent.samples) {
        const slotTypes = Object.fromEntries((intent.slots ?? []).map((s) => [s.name, s.type]));
        const utterance = sample.replace(/\{(\w+)\}/g, (_m, slot: string) => firstName(slotTypes[slot]!, n++));
        // virtual-alexa turns any utterance containing ask/open/launch/tell into a LaunchRequest ("tell me about …").
        if (/(ask|open|launch|talk to|tell)/i.test(utterance)) continue;
        const { alexa, exchanges } = harness();
        await alexa.launch();
        await alexa.utter(utterance);
        const got = exchanges.at(-1)!.request.request.intent?.name;
        if (got !== intent.name) wrong.push(`"${utterance}" → ${got} (expected ${intent.name})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
