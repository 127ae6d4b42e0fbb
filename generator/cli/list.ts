import type { CommandModule } from "yargs";
import { estimateDurationMs, planExercise, planRoutine } from "../../content/plan.js";
import { PACE_IDS, type PaceId } from "../../content/schema.js";
import type { Timeline } from "../../content/timeline.js";
import { formatClock } from "../../content/clock.js";
import { loadCatalogForCommand } from "./catalog.js";

interface ListArgs {
  json: boolean;
}

type PerPace = Record<PaceId, number>;

function perPace(plan: (pace: PaceId) => Timeline): PerPace {
  return Object.fromEntries(PACE_IDS.map((pace) => [pace, estimateDurationMs(plan(pace))])) as PerPace;
}

function clocks(ms: PerPace): string {
  return PACE_IDS.map((pace) => formatClock(ms[pace]).padStart(9)).join("");
}

/** `upper-back list`: routines and exercises with estimated durations at every pace. */
export const listCommand: CommandModule<object, ListArgs> = {
  command: "list",
  describe: "List routines and exercises with estimated durations at each pace",
  builder: (y) => y.option("json", { type: "boolean", default: false, describe: "Print JSON instead of a table" }),
  handler: (args) => {
    const catalog = loadCatalogForCommand();
    if (!catalog) return;
    const routines = [...catalog.routines.values()].map((r) => ({
      kind: "routine" as const,
      id: r.id,
      title: r.title,
      default: r.default,
      exercises: r.items.length,
      estimatedMs: perPace((pace) => planRoutine(catalog, r.id, pace)),
    }));
    const exercises = [...catalog.exercises.values()].map((e) => ({
      kind: "exercise" as const,
      id: e.id,
      title: e.title,
      equipment: e.equipment,
      estimatedMs: perPace((pace) => planExercise(catalog, e.id, pace)),
    }));
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ paces: PACE_IDS, routines, exercises }, null, 2)}\n`);
      return;
    }
    const header = `${" ".repeat(28)}${PACE_IDS.map((p) => p.padStart(9)).join("")}`;
    const out: string[] = ["Estimated durations per pace (the render measures the real ones).", "", `Routines${header.slice(8)}`];
    for (const r of routines) {
      out.push(`  ${r.id.padEnd(26)}${clocks(r.estimatedMs)}  ${r.title}${r.default ? " (default)" : ""}, ${r.exercises} exercises`);
    }
    out.push("", `Exercises${header.slice(9)}`);
    for (const e of exercises) {
      out.push(`  ${e.id.padEnd(26)}${clocks(e.estimatedMs)}  ${e.title}${e.equipment.length ? ` [${e.equipment.join(", ")}]` : ""}`);
    }
    process.stdout.write(`${out.join("\n")}\n`);
  },
};
