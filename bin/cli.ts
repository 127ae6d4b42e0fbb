#!/usr/bin/env node
// Entry of the `upper-back` CLI: yargs wiring only; each command lives next to its app.
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { generatorCommands } from "../generator/cli/index.js";
import { publishCommand } from "../lambda/publish/command.js";
import { skillCommands } from "../skill/cli/index.js";

// The one place that sees both apps: the render app, the skill app and the deployment upload.
const commands = [...generatorCommands, publishCommand, ...skillCommands];

/** Builds the CLI parser; exported so tests can drive it in-process. */
export function buildCli(argv: string[]) {
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
      if (err) {
        process.stderr.write(`upper-back: ${err.message}\n`);
      } else {
        process.stderr.write(`upper-back: ${msg}\nRun \`upper-back --help\` for usage.\n`);
      }
      process.exit(1);
    });
  for (const command of commands) cli = cli.command(command);
  return cli;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isMain) {
  await buildCli(hideBin(process.argv)).parseAsync();
}
