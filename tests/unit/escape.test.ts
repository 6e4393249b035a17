// Escaping by default: the `html` tagged template escapes whatever it is given unless it is SafeHtml.
import { describe, expect, it } from "vitest";
import { escapeJson } from "../../plugin/data/text.js";
import { escapeHtml, html, joinHtml, SafeHtml, trustedHtml } from "../../plugin/html/escape.js";
import { decodeHTML } from "entities";

const HOSTILE = `</a><script>alert("x")</script>&amp;'`;

describe("the html tagged template", () => {
  it("escapes a string without the safe marker, in content and in attributes", () => {
    const out = html`<a href="${HOSTILE}">${HOSTILE}</a>`.toString();
    expect(out).not.toContain("<script>");
    expect(out).toBe(
      `<a href="&lt;/a&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;&#39;">&lt;/a&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;&#39;</a>`,
    );
  });

  it("escapes every item of an array, and writes nothing for false, null and undefined", () => {
    const out = html`<ul>${["<b>", html`<li>${"<i>"}</li>`]}</ul>${false}${null}${undefined}`.toString();
    expect(out).toBe("<ul>&lt;b&gt;<li>&lt;i&gt;</li></ul>");
  });

  it("writes SafeHtml as it is: made by html itself or by the explicit trustedHtml marker", () => {
    const inner = html`<em>${"a & b"}</em>`;
    expect(html`<p>${inner}</p>`.toString()).toBe("<p><em>a &amp; b</em></p>");
    expect(html`<p>${trustedHtml("<strong>ok</strong>")}</p>`.toString()).toBe("<p><strong>ok</strong></p>");
  });

  it("does not take a plain object that looks like SafeHtml as safe", () => {
    const forged = { markup: "<script>alert(1)</script>", toString: () => "<script>alert(1)</script>" } as unknown as string;
    expect(html`${forged}`.toString()).not.toContain("<script>");
  });

  it("joins items escaped, with a markup separator", () => {
    expect(joinHtml(["<a>", html`<b></b>`], html` &middot; `).toString()).toBe("&lt;a&gt; &middot; <b></b>");
    expect(joinHtml([])).toBeInstanceOf(SafeHtml);
  });

  it("writes numbers as they are", () => {
    expect(html`<li value="${3}">`.toString()).toBe('<li value="3">');
  });
});

describe("JSON with typographic punctuation escaped (JSON Feed)", () => {
  it("writes dashes, quotes, arrows and a rare Latin letter beyond Latin-1 as \\u escapes that parse back exactly", () => {
    const value = { title: "Bench — “Alerting” … → Jovanović", plain: "a-b" };
    const json = escapeJson(JSON.stringify(value));
    expect(json).toBe('{"title":"Bench \\u2014 \\u201cAlerting\\u201d \\u2026 \\u2192 Jovanovi\\u0107","plain":"a-b"}');
    expect(JSON.parse(json)).toEqual(value);
    expect(/[^\u0000-\u00ff]/.test(escapeJson(JSON.stringify({ title: "Bench — Alerting" })))).toBe(false);
  });
});

describe("rare Latin letters beyond Latin-1", () => {
  it("are written as references where they are few, so the text is one byte a character; left as they are where common, or beside another script or an emoji", () => {
    expect(escapeHtml("Milan Jovanović")).toBe("Milan Jovanovi&#263;");
    expect(escapeHtml("Paweł Kowalski — Tiếng")).toBe("Pawe&#322; Kowalski &#8212; Ti&#7871;ng");
    expect(/[^\u0000-\u00ff]/.test(escapeHtml("Milan Jovanović"))).toBe(false);
    for (const text of ["Łódź", "Tiếng Việt có dấu", "分布式系统 Jovanović", "🚀 launch notes by Jovanović"]) expect(escapeHtml(text), text).toBe(text);
    for (const text of ["Milan Jovanović", "Paweł Kowalski — Tiếng", "Łódź", "🚀 launch notes by Jovanović"]) expect(decodeHTML(escapeHtml(text))).toBe(text);
  });
});
