import type { CommandModule } from "yargs";
import { createSkill } from "../index.js";
import { localSkillConfig } from "../local/config.js";
import { createSkillApp, INSECURE_WARNING, listen } from "../local/server.js";

interface ServeArgs {
  port: number;
  host: string;
  "insecure-skip-verification": boolean;
}

/** `upper-back serve`: the skill over HTTP for an HTTPS tunnel or a local test harness. */
export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe: "Run the Alexa skill as a web service (ask-sdk-express-adapter), verifying Alexa's signatures",
  builder: (y) =>
    y
      .option("port", { type: "number", default: 3000, describe: "Port to listen on (0 = any free port)" })
      .option("host", { type: "string", default: "127.0.0.1", describe: "Address to bind (0.0.0.0 for all interfaces)" })
      .option("insecure-skip-verification", {
        type: "boolean",
        default: false,
        describe: "Turn OFF request signature and timestamp checks (local testing only; prints a warning)",
      })
      .epilogue(
        "Environment: SKILL_ID, AUDIO_BASE_URL, TABLE_NAME (+ DYNAMODB_ENDPOINT, MANIFEST_PATH: default dist/sessions/alexa/manifest.json) as for the Lambda.\n" +
          "Alexa reaches the skill over HTTPS only: put a TLS-terminating tunnel or proxy in front of this port.",
      ),
  handler: async (args) => {
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
      throw new Error(`--port must be a whole number from 0 to 65535 (got ${args.port})`);
    }
    const insecure = args["insecure-skip-verification"];
    const skill = createSkill(localSkillConfig(process.env));
    const app = createSkillApp(skill, { verifySignature: !insecure, verifyTimestamp: !insecure });
    if (insecure) process.stderr.write(`${INSECURE_WARNING}\n`);
    const { server, url } = await listen(app, args.port, args.host);
    process.stdout.write(
      `Upper Back Routine skill listening on ${url} (${insecure ? "verification OFF" : "signature and timestamp verification on"}). Ctrl+C stops it.\n`,
    );
    const stop = () => server.close(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
};
