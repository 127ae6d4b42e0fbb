// The skill app's CLI commands by name (the local HTTP endpoint, the console, the interaction model), each loaded
// only when it runs, so other commands start without the Alexa SDK and express.
import type { CommandModule } from "yargs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<any, any>;

/** Loaders of the skill app's commands, in the order `--help` lists them. */
export const skillCommands: Record<string, () => Promise<AnyCommand>> = {
  serve: async () => (await import("./serve.js")).serveCommand,
  chat: async () => (await import("./chat.js")).chatCommand,
  model: async () => (await import("./model.js")).modelCommand,
};
