// The list of CLI commands; each lives in its own file. Add one import and one entry per command.
import type { CommandModule } from "yargs";
import { listCommand } from "./list.js";
import { validateCommand } from "./validate.js";
import { ssmlCommand } from "./ssml.js";
import { publishCommand } from "./publish.js";
import { serveCommand } from "./serve.js";
import { chatCommand } from "./chat.js";
import { modelCommand } from "./model.js";
import { renderCommand } from "./render.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  listCommand,
  validateCommand,
  ssmlCommand,
  publishCommand,
  serveCommand,
  chatCommand,
  modelCommand,
  renderCommand,
];
