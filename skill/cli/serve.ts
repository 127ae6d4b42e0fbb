import type { CommandModule } from "yargs";
import { createAnswerer } from "../index.js";
import { localSkillConfig } from "../local/config.js";
import { createSkillApp, INSECURE_WARNING, isLoopbackHost, listen } from "../local/server.js";

interface ServeArgs {
  port: number;
  host: string;
  "insecure-skip-verification": boolean;
}

/** Printed on every start without SKILL_ID: nothing then ties the endpoint to one skill. */
const NO_SKILL_ID_WARNING =
  "WARNING: SKILL_ID is not set, so requests for any skill id are answered. Set SKILL_ID=amzn1.ask.skill.… (the id in the Alexa developer console).";

/** `upper-back serve`: the skill over HTTP for an HTTPS tunnel or a local test harness. */
export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe: "Run the Alexa skill as a web service, verifying Alexa's signatures and timestamps",
  builder: (y) =>
    y
      .option("port", { type: "number", default: 3000, describe: "Port to listen on (0 = any free port)" })
      .option("host", { type: "string", default: "127.0.0.1", describe: "Address to bind (0.0.0.0 for all interfaces; loopback only with --insecure-skip-verification)" })
      .option("insecure-skip-verification", {
        type: "boolean",
        default: false,
        describe: "Turn OFF request signature and timestamp checks (local testing only: loopback, JSON, no foreign Origin; prints a warning)",
      })
      .epilogue(
        "Environment: SKILL_ID, AUDIO_BASE_URL, TABLE_NAME (+ DYNAMODB_ENDPOINT, MANIFEST_PATH: default dist/sessions/alexa/manifest.json) as for the Lambda.\n" +
          "Alexa reaches the skill over HTTPS only: put a TLS-terminating tunnel or proxy in front of this port.",
      ),
  // Returns once listening; the process then lives until SIGINT/SIGTERM closes the server (bin/cli.ts owns the exit).
  handler: async (args) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
      throw new Error(`--port must be a whole number from 0 to 65535 (got ${args.port})`);
    }
    const insecure = args["insecure-skip-verification"];
    if (insecure && !isLoopbackHost(args.host)) {
      throw new Error(`--insecure-skip-verification only runs on a loopback address (127.0.0.1, ::1, localhost), not --host ${args.host}; drop the flag to serve on other interfaces`);
    }
    const config = localSkillConfig(process.env);
    const app = createSkillApp(createAnswerer(config), { verifySignature: !insecure, verifyTimestamp: !insecure });
    if (insecure) process.stderr.write(`${INSECURE_WARNING}\n`);
    if (!config.skillId) process.stderr.write(`${NO_SKILL_ID_WARNING}\n`);
    const { server, url } = await listen(app, args.port, args.host);
    const stop = () => {
      server.close();
      server.closeAllConnections();
    };
    // Handlers first: whoever reads "listening" may signal at once.
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    process.stdout.write(
      `Upper Back Routine skill listening on ${url} (${insecure ? "verification OFF" : "signature and timestamp verification on"}). Ctrl+C stops it.\n`,
    );
  },
};
