import type { CommandModule } from "yargs";
import { estimateDurationMs, planExercise, planRoutine } from "../../content/plan.js";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import { formatClock } from "../../content/clock.js";
import { loadCatalogForCommand } from "./catalog.js";

interface ListArgs {
  pace: PaceId;
  json: boolean;
}

/** `upper-back list`: routines and exercises with estimated durations at a pace. */
export const listCommand: CommandModule<object, ListArgs> = {
  command: "list",
  describe: "List routines and exercises with estimated durations",
  builder: (y) =>
    y
      .option("pace", { choices: PACE_IDS, default: "standard" as PaceId, describe: "Pace used for the estimate" })
      .option("json", { type: "boolean", default: false, describe: "Print JSON instead of a table" }),
  handler: (args) => {
    const catalog = loadCatalogForCommand();
    if (!catalog) return;
    const routines = [...catalog.routines.values()].map((r) => ({
      kind: "routine" as const,
      id: r.id,
      title: r.title,
      default: r.default,
      exercises: r.items.length,
      estimatedMs: estimateDurationMs(planRoutine(catalog, r.id, args.pace)),
    }));
    const exercises = [...catalog.exercises.values()].map((e) => ({
      kind: "exercise" as const,
      id: e.id,
      title: e.title,
      equipment: e.equipment,
      estimatedMs: estimateDurationMs(planExercise(catalog, e.id, args.pace)),
    }));
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ pace: args.pace, routines, exercises }, null, 2)}\n`);
      return;
    }
    const out: string[] = [`Routines (estimated at ${args.pace} pace):`];
    for (const r of routines) {
      out.push(`  ${r.id.padEnd(26)} ${formatClock(r.estimatedMs).padStart(6)}  ${r.title}${r.default ? " (default)" : ""}, ${r.exercises} exercises`);
    }
    out.push("", "Exercises:");
    for (const e of exercises) {
      out.push(`  ${e.id.padEnd(26)} ${formatClock(e.estimatedMs).padStart(6)}  ${e.title}${e.equipment.length ? ` [${e.equipment.join(", ")}]` : ""}`);
    }
    process.stdout.write(`${out.join("\n")}\n`);
  },
};
