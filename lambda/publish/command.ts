import type { CommandModule } from "yargs";
import { SESSIONS_DIR } from "../../content/facts.js";
import { createS3Client, normalisePrefix, publishSessions } from "./publish.js";

interface PublishArgs {
  bucket: string;
  prefix?: string;
  dir: string;
  region?: string;
  endpoint?: string;
  "distribution-id"?: string;
  "dry-run": boolean;
}

/** `upper-back publish`: uploads dist/sessions/ to the stack's audio bucket (the AudioBucketName output). */
export const publishCommand: CommandModule<object, PublishArgs> = {
  command: "publish",
  describe: "Upload the rendered sessions (dist/sessions/) to the S3 bucket behind CloudFront",
  builder: (y) =>
    y
      .option("bucket", { type: "string", demandOption: true, describe: "Target bucket (the stack output AudioBucketName)" })
      .option("prefix", { type: "string", describe: "Key prefix inside the bucket (the template assumes none; with one, AUDIO_BASE_URL is <url>/<prefix>/alexa)" })
      .option("dir", { type: "string", default: SESSIONS_DIR, describe: "Folder to upload" })
      .option("region", { type: "string", describe: "AWS region of the bucket (default: AWS_REGION, then us-east-1)" })
      .option("endpoint", { type: "string", describe: "S3-compatible endpoint (MinIO, a local test server); uses path-style URLs" })
      .option("distribution-id", {
        type: "string",
        describe: "CloudFront distribution (AudioDistributionId output): prints the invalidation command for changed documents",
      })
      .option("dry-run", { type: "boolean", default: false, describe: "Show what would be uploaded, upload nothing" })
      .example("$0 publish --bucket my-stack-audiobucket-1abc", "Upload new and changed files")
      .example("$0 publish --bucket B --prefix v2 --dry-run", "List what would go to s3://B/v2/"),
  handler: async (args) => {
    const client = createS3Client({ region: args.region, endpoint: args.endpoint });
    // A refused or failed publish throws (bin/cli.ts prints it and exits 1); the client is closed either way.
    const result = await publishSessions({
      dir: args.dir,
      bucket: args.bucket,
      prefix: args.prefix,
      client,
      dryRun: args["dry-run"],
      onFile: ({ key, action, bytes }) => {
        if (action === "upload") process.stdout.write(`${args["dry-run"] ? "would upload" : "uploaded"} ${key} (${bytes} bytes)\n`);
      },
    }).finally(() => client.destroy());
    process.stdout.write(
      `${result.uploaded.length} file(s) ${args["dry-run"] ? "to upload" : "uploaded"} (${result.bytesUploaded} bytes), ` +
        `${result.skipped.length} unchanged and skipped, to s3://${args.bucket}/${normalisePrefix(args.prefix)}\n`,
    );
    const changedInPlace = result.uploaded.filter((key) => /\.(json|html|xml)$/.test(key)).sort();
    if (args["distribution-id"] && changedInPlace.length > 0) {
      // Documents are cached for 5 minutes only; invalidate when people must see the new page or feed at once.
      const paths = changedInPlace.map((key) => `"/${key}"`).join(" ");
      process.stdout.write(`To refresh CloudFront now: aws cloudfront create-invalidation --distribution-id ${args["distribution-id"]} --paths ${paths}\n`);
    }
  },
};
