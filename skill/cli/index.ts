// The skill app's CLI commands: the interaction model, the local HTTP endpoint and the console.
import type { CommandModule } from "yargs";
import { chatCommand } from "./chat.js";
import { modelCommand } from "./model.js";
import { serveCommand } from "./serve.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const skillCommands: CommandModule<any, any>[] = [serveCommand, chatCommand, modelCommand];
