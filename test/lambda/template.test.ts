import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTemplate, type Template } from "./cfn-yaml.js";
import { TTL_ATTRIBUTE } from "../../skill/persistence/dynamo.js";

const templatePath = "lambda/template.yaml";
const templateText = readFileSync(templatePath, "utf8");
const template: Template = parseTemplate(templateText);

function resource(type: string): Template["Resources"][string] {
  const found = Object.values(template.Resources).filter((r) => r.Type === type);
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0]!;
}

function logicalId(type: string): string {
  return Object.entries(template.Resources).find(([, r]) => r.Type === type)![0];
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: unknown };

describe("lambda/template.yaml names every resource the skill needs", () => {
  it("runs the bundle on Node.js 22 with a 7 s timeout, 256 MB and the skill's three variables", () => {
    const fn = resource("AWS::Lambda::Function").Properties;
    expect(template.Parameters.LambdaRuntime!.Default).toBe("nodejs22.x");
    expect(template.Parameters.LambdaRuntime!.AllowedValues).toEqual(["nodejs22.x"]);
    expect(fn.Runtime).toEqual({ Ref: "LambdaRuntime" });
    expect(fn.Handler).toEqual({ Ref: "LambdaHandler" });
    expect(fn.Timeout).toBe(7);
    expect(fn.MemorySize).toBe(256);
    const vars = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(vars).sort()).toEqual(["AUDIO_BASE_URL", "SKILL_ID", "TABLE_NAME"]);
    expect(vars.SKILL_ID).toEqual({ Ref: "SkillId" });
    expect(vars.TABLE_NAME).toEqual({ Ref: logicalId("AWS::DynamoDB::Table") });
    const distribution = logicalId("AWS::CloudFront::Distribution");
    expect(vars.AUDIO_BASE_URL).toEqual({
      "Fn::If": ["StreamsAudio", { "Fn::Sub": `https://\${${distribution}.DomainName}/alexa` }, { Ref: "AWS::NoValue" }],
    });
  });

  it("lets only Alexa, and only this skill id, invoke the function", () => {
    const permission = resource("AWS::Lambda::Permission").Properties;
    expect(permission).toMatchObject({
      Action: "lambda:InvokeFunction",
      Principal: "alexa-appkit.amazon.com",
      EventSourceToken: { Ref: "SkillId" },
      FunctionName: { "Fn::GetAtt": [logicalId("AWS::Lambda::Function"), "Arn"] },
    });
  });

  it("keeps progress in an on-demand DynamoDB table keyed by id", () => {
    const table = resource("AWS::DynamoDB::Table").Properties;
    expect(table.BillingMode).toBe("PAY_PER_REQUEST");
    expect(table.KeySchema).toEqual([{ AttributeName: "id", KeyType: "HASH" }]);
    expect(table.AttributeDefinitions).toEqual([{ AttributeName: "id", AttributeType: "S" }]);
  });

  it("expires items through DynamoDB's TTL on the attribute the skill writes (a year after last use)", () => {
    const table = resource("AWS::DynamoDB::Table").Properties;
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
  });

  it("serves MP3s from a private bucket through CloudFront over HTTPS only, via Origin Access Control", () => {
    const bucket = resource("AWS::S3::Bucket").Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const config = resource("AWS::CloudFront::Distribution").Properties.DistributionConfig as {
      Origins: Array<Record<string, unknown>>;
      DefaultCacheBehavior: Record<string, unknown>;
    };
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("https-only");
    expect(config.Origins).toHaveLength(1);
    expect(config.Origins[0]).toMatchObject({
      DomainName: { "Fn::GetAtt": [logicalId("AWS::S3::Bucket"), "RegionalDomainName"] },
      OriginAccessControlId: { "Fn::GetAtt": [logicalId("AWS::CloudFront::OriginAccessControl"), "Id"] },
      S3OriginConfig: { OriginAccessIdentity: "" },
    });
    const oac = resource("AWS::CloudFront::OriginAccessControl").Properties.OriginAccessControlConfig;
    expect(oac).toMatchObject({ OriginAccessControlOriginType: "s3", SigningBehavior: "always", SigningProtocol: "sigv4" });
  });

  it("grants bucket reads to this CloudFront distribution only", () => {
    const policy = resource("AWS::S3::BucketPolicy").Properties;
    expect(policy.Bucket).toEqual({ Ref: logicalId("AWS::S3::Bucket") });
    const statements = (policy.PolicyDocument as { Statement: Statement[] }).Statement;
    const allows = statements.filter((s) => s.Effect === "Allow");
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Condition: { StringEquals: { "AWS:SourceArn": { "Fn::Sub": expect.stringContaining(`distribution/\${${logicalId("AWS::CloudFront::Distribution")}}`) } } },
    });
  });

  it("gives the function least privilege: its log group and item access to its one table", () => {
    const role = resource("AWS::IAM::Role").Properties;
    expect(role.ManagedPolicyArns).toBeUndefined();
    const statements = (role.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>).flatMap((p) => p.PolicyDocument.Statement);
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions.sort()).toEqual(
      ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "logs:CreateLogStream", "logs:PutLogEvents"].sort(),
    );
    for (const s of statements) {
      expect(s.Effect).toBe("Allow");
      expect(JSON.stringify(s.Resource)).not.toMatch(/"\*"|:\*"/);
    }
    const dynamo = statements.find((s) => JSON.stringify(s.Action).includes("dynamodb:"))!;
    expect(dynamo.Resource).toEqual({ "Fn::GetAtt": [logicalId("AWS::DynamoDB::Table"), "Arn"] });
  });

  it("allows every DynamoDB call the skill's persistence makes (fails when the code starts using a new one)", () => {
    const source = readFileSync("skill/persistence/dynamo.ts", "utf8");
    const commands = [...source.matchAll(/new (\w+)Command\(/g)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(0);
    const itemAction: Record<string, string> = { Get: "GetItem", Put: "PutItem", Update: "UpdateItem", Delete: "DeleteItem" };
    const role = resource("AWS::IAM::Role").Properties;
    const allowed = (role.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>).flatMap((p) => p.PolicyDocument.Statement).flatMap((s) => s.Action);
    for (const command of commands) expect(allowed, `${command}Command`).toContain(`dynamodb:${itemAction[command] ?? command}`);
  });

  it("outputs the skill endpoint ARN (the key ask-cli reads), the audio base URL and the bucket name", () => {
    expect(template.Outputs.SkillEndpoint!.Value).toEqual({ "Fn::GetAtt": [logicalId("AWS::Lambda::Function"), "Arn"] });
    expect(template.Outputs.AudioBaseUrl!.Value).toEqual({ "Fn::Sub": `https://\${${logicalId("AWS::CloudFront::Distribution")}.DomainName}/alexa` });
    expect(template.Outputs.AudioBucketName!.Value).toEqual({ Ref: logicalId("AWS::S3::Bucket") });
  });
});

describe("ask deploy wiring (ask-resources.json + hooks/build.sh)", () => {
  const resources = JSON.parse(readFileSync("ask-resources.json", "utf8"));
  const profile = resources.profiles.default;
  const userConfig = profile.skillInfrastructure.userConfig;

  it("uses the cfn-deployer with this template, the Node 22 runtime and the bundle's handler", () => {
    expect(resources.askcliResourcesVersion).toBe("2020-03-31");
    expect(profile.skillMetadata.src).toBe("./skill-package");
    expect(profile.skillInfrastructure.type).toBe("@ask-cli/cfn-deployer");
    expect(userConfig.templatePath).toBe(`./${templatePath}`);
    expect(template.Parameters.LambdaRuntime!.AllowedValues).toContain(userConfig.runtime);
    expect(template.Parameters.LambdaHandler!.AllowedValues).toContain(userConfig.handler);
  });

  it("declares every parameter ask-cli passes, and nothing it cannot fill", () => {
    const passed = ["SkillId", "LambdaRuntime", "LambdaHandler", "CodeBucket", "CodeKey", "CodeVersion", ...Object.keys(userConfig.cfn?.parameters ?? {})];
    expect(Object.keys(template.Parameters).sort()).toEqual([...new Set(passed)].sort());
  });

  it("builds the zip through the custom build hook ask-cli runs, from ask-cli's own folder, to a relative path", () => {
    accessSync("hooks/build.sh", constants.X_OK);
    // ask-cli runs `hooks/build.sh <zip> <debug>` with its build folder (.ask/lambda/...) as the working directory.
    const askBuildFolder = mkdtempSync(join(tmpdir(), "ubr-ask-build-"));
    const run = spawnSync(join(process.cwd(), "hooks/build.sh"), ["build.zip", "false"], { cwd: askBuildFolder, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(askBuildFolder, "build.zip")).equals(readFileSync("dist/lambda/function.zip"))).toBe(true);
    expect(spawnSync("unzip", ["-Z1", join(askBuildFolder, "build.zip")], { encoding: "utf8" }).stdout.trim()).toBe("index.mjs");
  });
});

describe("cfn-lint (AWS's CloudFormation linter)", () => {
  let available = false;
  beforeAll(() => {
    const ensure = spawnSync("bash", ["scripts/ensure-cfn-lint.sh"], { encoding: "utf8" });
    available = ensure.status === 0;
    if (!available) console.warn(`cfn-lint unavailable, lint skipped: ${ensure.stderr.trim()}`);
  });

  it("finds no error or warning in the template", (ctx) => {
    if (!available) ctx.skip();
    const lint = spawnSync("cfn-lint", ["--format", "parseable", "--", templatePath], { encoding: "utf8" });
    expect(lint.stdout + lint.stderr).toBe("");
    expect(lint.status).toBe(0);
  });

  it("does catch a broken template (the linter is really checking)", (ctx) => {
    if (!available) ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), "ubr-cfn-"));
    const broken = join(dir, "template.yaml");
    writeFileSync(broken, templateText.replace("Timeout: 7", "Timeout: 9000").replace("Resource: !GetAtt SkillTable.Arn", "Resource: !GetAtt SkillTabel.Arn"));
    const lint = spawnSync("cfn-lint", ["--format", "parseable", "--", broken], { encoding: "utf8" });
    expect(lint.status).not.toBe(0);
    expect(lint.stdout).toMatch(/E3034:9000 is greater than the maximum of 900/);
    expect(lint.stdout).toMatch(/SkillTabel/);
  });
});
