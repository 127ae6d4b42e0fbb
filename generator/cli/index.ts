// The render app's CLI commands; each lives in its own file. Add one import and one entry per command.
import type { CommandModule } from "yargs";
import { listCommand } from "./list.js";
import { renderCommand } from "./render.js";
import { ssmlCommand } from "./ssml.js";
import { validateCommand } from "./validate.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const generatorCommands: CommandModule<any, any>[] = [listCommand, validateCommand, ssmlCommand, renderCommand];
