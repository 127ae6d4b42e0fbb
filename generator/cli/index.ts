// The render app's CLI commands by name, each loaded only when it runs: `validate` need not load ffmpeg and the
// TTS engines that `render` uses. Add one line per command.
import type { CommandModule } from "yargs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<any, any>;

/** Loaders of the render app's commands, in the order `--help` lists them. */
export const generatorCommands: Record<string, () => Promise<AnyCommand>> = {
  list: async () => (await import("./list.js")).listCommand,
  validate: async () => (await import("./validate.js")).validateCommand,
  ssml: async () => (await import("./ssml.js")).ssmlCommand,
  render: async () => (await import("./render.js")).renderCommand,
};
