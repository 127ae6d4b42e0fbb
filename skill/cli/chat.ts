import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { CommandModule } from "yargs";
import { createSkill } from "../index.js";
import { localSkillConfig } from "../local/config.js";
import { ChatSession } from "../local/chat.js";
import { wrapLine } from "../local/speech.js";
import { MemoryPersistenceAdapter } from "../local/memory-persistence.js";
import { UtteranceRouter, type InteractionModel } from "../local/utterances.js";

interface ChatArgs {
  locale: string;
  model?: string;
  "user-id"?: string;
}

function readModel(path: string): InteractionModel {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new Error(`${path}: no interaction model here (run \`upper-back model\` to generate it, or pass --model / --locale)`);
  }
  try {
    return JSON.parse(text) as InteractionModel;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}); regenerate it with \`upper-back model\``);
  }
}

/** `upper-back chat`: type what you would say to Alexa; read what the skill answers, pauses shown. */
export const chatCommand: CommandModule<object, ChatArgs> = {
  command: "chat",
  describe: "Talk to the skill in the console: utterances go through the real interaction model to the real handlers",
  builder: (y) =>
    y
      .option("locale", { type: "string", default: "en-US", describe: "Interaction model locale (skill-package/interactionModels/custom/<locale>.json)" })
      .option("model", { type: "string", describe: "Path of an interaction model JSON (overrides --locale)" })
      .option("user-id", { type: "string", describe: "Alexa user id to pretend to be (keeps progress across runs when TABLE_NAME is set)" })
      .example("$0 chat", 'then type: start upper back routine · next · it hurts · ask upper back routine for cat cow')
      .example('printf "start upper back routine\\nnext\\n" | $0 chat', "Script a conversation")
      .epilogue(
        "Environment as for the Lambda: SKILL_ID, AUDIO_BASE_URL (AudioPlayer mode; MANIFEST_PATH defaults to dist/sessions/alexa/manifest.json), TABLE_NAME " +
          "(unset: progress is kept in memory for this run only).",
      ),
  handler: async (args) => {
    const modelPath = args.model ?? join("skill-package", "interactionModels", "custom", `${args.locale}.json`);
    const router = new UtteranceRouter(readModel(modelPath));
    const config = localSkillConfig(process.env);
    // Without TABLE_NAME, progress lives in memory for this run, so "continue" and paused streams still work.
    const skill = createSkill(config, config.tableName ? {} : { persistenceAdapter: new MemoryPersistenceAdapter() });
    const chat = new ChatSession(skill, router, {
      applicationId: config.skillId,
      userId: args["user-id"],
      audioPlayer: Boolean(config.audioBaseUrl),
      locale: args.locale,
    });
    const interactive = process.stdin.isTTY === true;
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
    // In a terminal, long answers wrap at words; piped output keeps one line per answer (easy to grep and test).
    const print = (line: string) => process.stdout.write(`${interactive ? wrapLine(line, process.stdout.columns ?? 100) : line}\n`);
    if (interactive) {
      print(`Talking to "${router.invocationName}" (${args.locale}). Try: start ${router.invocationName} · next · it hurts · help. Ctrl+D leaves.`);
      rl.setPrompt("you> ");
      rl.prompt();
    }
    for await (const line of rl) {
      const utterance = line.trim();
      if (utterance) {
        if (!interactive) print(`you> ${utterance}`);
        for (const out of await chat.say(utterance)) print(out);
      }
      if (interactive) rl.prompt();
    }
    for (const out of await chat.leave()) print(out);
  },
};
