// The feeds' XML builder escapes every text and attribute value itself: callers hand it raw text,
// never call an escaper, and hostile text still comes out as text that parses back exactly.
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { renderXml, renderXmlElement } from "../../plugin/render/xml.js";

/** Decodes entities and character references exactly once; keeps every value a string, untrimmed. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
});

const HOSTILE = [
  "</title><script>alert(1)</script>",
  "]]> <![CDATA[ x ]]>",
  "&lt; &amp; &#60; &nbsp; & <b>",
  "\"q\" 'a' a\r\nb",
  "</channel></rss>",
];

describe("XML built without any escaping call", () => {
  it("an element's text, #text beside attributes, attributes and repeated elements come out escaped and parse back exactly", () => {
    for (const text of HOSTILE) {
      const xml = renderXmlElement("item", {
        title: text,
        link: { "@href": text, "#text": text },
        category: [text, text],
      });
      expect(xml).not.toContain("<script>");
      expect(xml).not.toContain("]]>");
      // The builder also writes `'` as `&apos;` in attributes (it always quotes them with `"`).
      expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#13);)/);
      const { item } = parser.parse(xml);
      expect(item.title).toBe(text);
      expect(item.link["#text"]).toBe(text);
      expect(item.link["@href"]).toBe(text);
      expect(item.category).toEqual([text, text]);
    }
  });

  it("a whole document: hostile text cannot close the container the children are spliced into", () => {
    const child = renderXmlElement("item", { title: "</channel>" });
    const xml = renderXml(
      { rss: { "@version": "2.0", channel: { title: "</channel></rss>", description: "]]>" } } },
      "channel",
      [child],
    );
    expect(xml.match(/<\/channel>/g)).toHaveLength(1);
    const { rss } = parser.parse(xml);
    expect(rss.channel.title).toBe("</channel></rss>");
    expect(rss.channel.description).toBe("]]>");
    expect(rss.channel.item.title).toBe("</channel>");
  });

  it("writes every character beyond what XML requires as it is: punctuation, letters beyond Latin-1, other scripts", () => {
    const text = "Bench — “Alerting” … ‹x› → ok, Jovanović";
    const xml = renderXmlElement("item", { title: text, "@label": "A – B" });
    expect(xml).toBe('<item label="A – B"><title>Bench — “Alerting” … ‹x› → ok, Jovanović</title></item>');
    expect(renderXmlElement("title", { "#text": "Best of X — 分布式系统" })).toBe(
      "<title>Best of X — 分布式系统</title>",
    );
    const { item } = parser.parse(xml);
    expect(item.title).toBe(text);
    expect(item["@label"]).toBe("A – B");
  });

  it("numbers and booleans are written as String writes them", () => {
    expect(renderXmlElement("n", { "@count": 3, "@on": true, value: 1.5, flag: false, list: [0, -2] })).toBe(
      '<n count="3" on="true"><value>1.5</value><flag>false</flag><list>0</list><list>-2</list></n>',
    );
  });
});
