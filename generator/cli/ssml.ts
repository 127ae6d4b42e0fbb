import type { CommandModule } from "yargs";
import { planExercise, planRoutine } from "../../content/plan.js";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import { splitForAlexa } from "../../content/ssml/alexa.js";
import { pollyRequests, type PollyEngine } from "../../content/ssml/polly.js";
import { loadCatalogForCommand } from "./catalog.js";

interface SsmlArgs {
  routine?: string;
  exercise?: string;
  pace: PaceId;
  dialect: "alexa" | "polly";
  engine: PollyEngine;
  audioBaseUrl?: string;
}

/** `upper-back ssml`: prints the SSML of a routine or exercise, as Alexa responses or Polly requests. */
export const ssmlCommand: CommandModule<object, SsmlArgs> = {
  command: "ssml",
  describe: "Print the SSML of a routine or an exercise (Alexa responses or Polly requests)",
  builder: (y) =>
    y
      .option("routine", { type: "string", describe: "Routine id, e.g. upper-back" })
      .option("exercise", { type: "string", describe: "Exercise id, e.g. cat-cow" })
      .conflicts("routine", "exercise")
      .check((a) => {
        if (!a.routine && !a.exercise) throw new Error("Give --routine ID or --exercise ID (see `upper-back list`).");
        return true;
      })
      .option("pace", { choices: PACE_IDS, default: "standard" as PaceId })
      .option("dialect", { choices: ["alexa", "polly"] as const, default: "alexa" as const })
      .option("engine", { choices: ["standard", "neural", "generative"] as const, default: "neural" as PollyEngine, describe: "Polly engine (polly dialect)" })
      .option("audio-base-url", { type: "string", describe: "HTTPS base URL for chimes (alexa dialect)" }),
  handler: (args) => {
    const catalog = loadCatalogForCommand();
    if (!catalog) return;
    // An unknown id throws a message naming the known ids; bin/cli.ts prints it as one line and exits 1.
    const timeline = args.routine ? planRoutine(catalog, args.routine, args.pace) : planExercise(catalog, args.exercise!, args.pace);
    if (args.dialect === "alexa") {
      const responses = splitForAlexa(timeline, { audioBaseUrl: args.audioBaseUrl });
      responses.forEach((ssml, i) => process.stdout.write(`<!-- response ${i + 1} of ${responses.length} -->\n${ssml}\n`));
      return;
    }
    const rate = catalog.paces[args.pace].speechRatePercent;
    const texts = timeline.cues.flatMap((c) => (c.type === "speech" ? [c.text] : []));
    const requests = pollyRequests(texts.join(" "), { engine: args.engine, ratePercent: rate });
    requests.forEach((ssml, i) => process.stdout.write(`<!-- request ${i + 1} of ${requests.length} -->\n${ssml}\n`));
  },
};
