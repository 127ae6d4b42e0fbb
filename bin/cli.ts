#!/usr/bin/env node
// Entry of the `upper-back` CLI: yargs wiring only; each command lives next to its app.
//
// Exit convention: a command handler never calls process.exit. It returns normally (exit 0, or a server keeps
// running), sets `process.exitCode` after printing a problem the person must fix, or throws; `runCli` turns a
// thrown error into one line on stderr (no stack) and exit code 1, and only this file ends the process.
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import type { CommandModule } from "yargs";
import { generatorCommands } from "../generator/cli/index.js";
import { skillCommands } from "../skill/cli/index.js";

// The one place that sees both apps: the render app, the deployment upload and the skill app.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const COMMANDS: Record<string, () => Promise<CommandModule<object, any>>> = {
  ...generatorCommands,
  publish: async () => (await import("../lambda/publish/command.js")).publishCommand,
  ...skillCommands,
};

/** Only the named command is loaded (a command's heavy modules cost start-up time); all of them for help or a typo. */
async function commandsFor(argv: string[]) {
  const named = argv.find((arg) => !arg.startsWith("-"));
  const names = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => COMMANDS[name]!()));
}

/** A usage mistake yargs found (unknown command, bad flag): printed with a pointer to --help. */
class UsageError extends Error {}

/** Builds the CLI parser with the commands `argv` needs. */
async function buildCli(argv: string[]) {
  let cli = yargs(argv)
    .scriptName("upper-back")
    .usage("$0 <command> [options]\n\nGuided upper back exercises: content, audio sessions and the Alexa skill.")
    .strict()
    .demandCommand(1, "Name a command, e.g. `upper-back list`. See `upper-back --help`.")
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      // Rethrown so runCli prints it once; a handler's own error arrives here as `err`.
      throw err ?? new UsageError(msg);
    });
  for (const command of await commandsFor(argv)) cli = cli.command(command);
  return cli;
}

/** Runs the CLI and returns its exit code: 0, the code a handler set, or 1 after a thrown error (one line, no stack). */
async function runCli(argv: string[]): Promise<number> {
  try {
    await (await buildCli(argv)).parseAsync();
    return Number(process.exitCode ?? 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof UsageError ? "\nRun `upper-back --help` for usage." : "";
    process.stderr.write(`upper-back: ${message}${hint}\n`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isMain) {
  const code = await runCli(hideBin(process.argv));
  // Success leaves the process to end by itself (a server keeps running); a failure ends it here even if a
  // client or worker still holds a handle.
  if (code !== 0) process.exit(code);
}
