// Whether Eleventy's HTML transforms add the pathPrefix: decided from the URL transforms registered
// once the config is resolved, whoever registered them (plugin/eleventy/config.ts).
import { describe, expect, it } from "vitest";
import { transformsAddPathPrefix, type EleventyConfigLike } from "../../plugin/eleventy/config.js";

type UrlTransform = (this: object, url: string) => string;
const configWith = (transforms: UrlTransform[], extra: Partial<EleventyConfigLike> = {}): EleventyConfigLike => ({
  addTemplate() {},
  on() {},
  htmlTransformer: { getCallbacks: () => transforms.map((fn) => ({ fn })) },
  ...extra,
});
const htmlBase: UrlTransform = (url) => (url.startsWith("/") ? `/blog${url}` : url);
// InputPathToUrl before Eleventy's content map exists.
const throwing: UrlTransform = () => {
  throw new Error("Internal error: contentMap not available");
};
const identity: UrlTransform = (url) => url;

describe("transformsAddPathPrefix", () => {
  it("sees HtmlBasePlugin's URL transform whoever added it, among others", () => {
    expect(transformsAddPathPrefix(configWith([throwing, identity, htmlBase]), "/blog/", "/digest/")).toBe(true);
  });

  it("sees none when no URL transform changes a root link, or a transform cannot run outside a page", () => {
    expect(transformsAddPathPrefix(configWith([throwing, identity]), "/blog/", "/digest/")).toBe(false);
    expect(transformsAddPathPrefix(configWith([]), "/blog/", "/digest/")).toBe(false);
  });

  it("has nothing to decide without a pathPrefix", () => {
    expect(transformsAddPathPrefix(configWith([htmlBase]), "/", "/digest/")).toBe(false);
  });

  it("asks for HtmlBasePlugin by name where Eleventy has no HTML transformer", () => {
    const hasPlugin = (name: string) => name === "@11ty/eleventy/html-base-plugin";
    expect(transformsAddPathPrefix({ addTemplate() {}, on() {}, hasPlugin }, "/blog/", "/")).toBe(true);
    expect(transformsAddPathPrefix({ addTemplate() {}, on() {} }, "/blog/", "/")).toBe(false);
  });
});
