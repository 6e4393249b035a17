// Escaping by default: the `html` tagged template escapes whatever it is given unless it is SafeHtml.
import { describe, expect, it } from "vitest";
import { escapeHtml, html, joinHtml, SafeHtml, trustedHtml } from "../../plugin/render/escape.js";
import { decodeHTML } from "entities";
import { jsonLdText } from "../../plugin/html/metadata.js";

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
    const forged = {
      markup: "<script>alert(1)</script>",
      toString: () => "<script>alert(1)</script>",
    } as unknown as string;
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

describe("plain text: only what HTML requires is escaped", () => {
  it("writes letters of any script, dashes, quotes, arrows and emoji as they are", () => {
    for (const text of [
      "Milan Jovanović",
      "Paweł Kowalski — Tiếng",
      "Bench — “Alerting” … → ‹›",
      "Łódź",
      "分布式系统",
      "🚀 launch",
    ]) {
      expect(escapeHtml(text), text).toBe(text);
      expect(html`<p title="${text}">${text}</p>`.toString()).toBe(`<p title="${text}">${text}</p>`);
    }
    expect(escapeHtml("Jovanović & “Co” <b>")).toBe("Jovanović &amp; “Co” &lt;b&gt;");
    expect(decodeHTML(escapeHtml(HOSTILE))).toBe(HOSTILE);
  });
});

describe("JSON-LD inside <script>", () => {
  it("is JSON.stringify's JSON with < escaped, so no text ends the element, and parses back exactly", () => {
    const value = { "@type": "CollectionPage", name: "Bench — Alerting </script><!-- Jovanović \u2028 & >" };
    const text = jsonLdText(value);
    expect(text).toBe(JSON.stringify(value).replace(/</g, "\\u003c"));
    expect(text).not.toContain("<");
    expect(text).toContain("Bench — Alerting");
    expect(text).toContain("Jovanović");
    expect(JSON.parse(text)).toEqual(value);
  });
});
