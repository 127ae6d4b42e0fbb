import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../content/load.js";
import { bundledAssets, reviveCatalog, serializeCatalog } from "../../lambda/assets.js";

describe("the catalog embedded in the Lambda bundle", () => {
  it("survives the JSON round trip the build makes, every field included", () => {
    const catalog = loadCatalog();
    const embedded = JSON.parse(JSON.stringify(serializeCatalog(catalog)));
    expect(reviveCatalog(embedded)).toEqual(catalog);
  });

  it("is absent when running from source, so the skill reads content/ itself", () => {
    expect(bundledAssets()).toEqual({});
  });
});
