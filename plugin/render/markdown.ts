/**
 * Summaries and intros are Markdown from the web: rendered with our own markdown-it instance, never
 * Eleventy's (which allows raw HTML). Raw HTML is shown as text; only http(s) links without a user
 * name or password and mailto links survive; links open as plain external links.
 */
import MarkdownIt from "markdown-it";
import { trustedHtml, type SafeHtml } from "./escape.js";

const SAFE_LINK = /^(https?:|mailto:)/i;
// An http(s) URL with a user name or password ("https://user:pass@host/"): not linked, as the
// data's own URLs with them are refused.
const WITH_CREDENTIALS = /^https?:[/\\]*[^/\\?#]*@/i;

/** Our own markdown-it: no raw HTML, safe links only, images as their alt text. */
function createMarkdown() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim()) && !WITH_CREDENTIALS.test(url.trim());
  // Images in a summary would load third-party content into every page: an image renders as its
  // alt text only (escaped plain text, no <img>, no link); an empty alt renders nothing.
  md.renderer.rules.image = (tokens, idx, options, env, self) =>
    md.utils.escapeHtml(self.renderInlineAsText(tokens[idx]!.children ?? [], options, env));
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrSet("rel", "nofollow noopener");
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

const md = createMarkdown();

/** Renders a Markdown block (a summary or an intro) to safe HTML: markdown-it escapes text itself. */
export function renderMarkdown(source: string): SafeHtml {
  return trustedHtml(md.render(source));
}

/** A Markdown block as markdown-it's tokens, by the same rules (safe links only): for the plain-text email. */
export function markdownTokens(source: string): ReturnType<typeof md.parse> {
  return md.parse(source, {});
}
