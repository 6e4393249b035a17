// feedUri: URLs in feeds, in RFC 3986 form, never changed in meaning.
import { describe, expect, it } from "vitest";
import { feedUri } from "../../plugin/data/uri.js";

describe("feedUri", () => {
  it.each([
    ["http://a.aa/a1?q=#", "http://a.aa/a1?q=#"],
    ["http://a.aa/a1?#", "http://a.aa/a1?#"],
    ["https://example.com/a b|c?x=[1]#frag ment", "https://example.com/a%20b%7Cc?x=%5B1%5D#frag%20ment"],
    ["https://user:pw@example.com:8080/p", "https://user:pw@example.com:8080/p"],
    ["https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"],
    ["https://example.com", "https://example.com/"],
  ])("%s → %s", (input, expected) => {
    expect(feedUri(input)).toBe(expected);
    expect(new URL(feedUri(input)).href).toBe(new URL(expected).href);
  });
});
