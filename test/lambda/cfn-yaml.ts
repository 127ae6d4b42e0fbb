// Parses CloudFormation YAML with its short-form intrinsic tags (!Ref, !GetAtt, !Sub, ...) into the long JSON form,
// so tests can assert on a template exactly as CloudFormation will read it.
import { parse, type Tags } from "yaml";

const FUNCTIONS = ["Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "If", "Not", "Equals", "And", "Or", "Condition", "Transform"];

function longName(fn: string): string {
  return fn === "Condition" ? "Condition" : `Fn::${fn}`;
}

const tags: Tags = [
  { tag: "!Ref", resolve: (value: string) => ({ Ref: value }) },
  { tag: "!GetAtt", resolve: (value: string) => ({ "Fn::GetAtt": [value.slice(0, value.indexOf(".")), value.slice(value.indexOf(".") + 1)] }) },
  { tag: "!GetAtt", collection: "seq", resolve: (seq) => ({ "Fn::GetAtt": seq.toJSON() }) },
  ...FUNCTIONS.flatMap((fn) => [
    { tag: `!${fn}`, resolve: (value: string) => ({ [longName(fn)]: value }) },
    { tag: `!${fn}`, collection: "seq" as const, resolve: (seq: { toJSON(): unknown }) => ({ [longName(fn)]: seq.toJSON() }) },
    { tag: `!${fn}`, collection: "map" as const, resolve: (map: { toJSON(): unknown }) => ({ [longName(fn)]: map.toJSON() }) },
  ]),
];

/** A CloudFormation template as plain JSON. */
export type Template = {
  Parameters: Record<string, { Type: string; Default?: string; AllowedValues?: string[] }>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }>;
  Outputs: Record<string, { Value: unknown }>;
};

/** Parses a CloudFormation YAML template, failing on any unknown tag or YAML error. */
export function parseTemplate(text: string): Template {
  return parse(text, { customTags: tags, strict: true, prettyErrors: true }) as Template;
}
