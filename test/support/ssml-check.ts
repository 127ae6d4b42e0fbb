import { XMLParser, XMLValidator } from "fast-xml-parser";

/** Every <break time> in an SSML document, in milliseconds. */
export function breaksMs(ssml: string): number[] {
  return [...ssml.matchAll(/<break time=['"](\d+(?:\.\d+)?)(ms|s)['"]\s*\/>/g)].map((m) =>
    m[2] === "s" ? Number(m[1]) * 1000 : Number(m[1]),
  );
}

/** Asserts an SSML document parses as XML; returns the error text or undefined. */
export function xmlError(ssml: string): string | undefined {
  const result = XMLValidator.validate(ssml);
  return result === true ? undefined : `${result.err.msg} at line ${result.err.line}`;
}

/** The spoken text of an SSML document, entities decoded once, tags removed. */
export function spokenText(ssml: string): string {
  const parser = new XMLParser({ ignoreAttributes: true, preserveOrder: true, processEntities: true, htmlEntities: false, trimValues: false });
  const out: string[] = [];
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "#text") out.push(String(value));
        else if (key !== ":@") walk(value);
      }
    }
  };
  walk(parser.parse(ssml));
  return out.join(" ").replace(/\s+/g, " ").trim();
}
