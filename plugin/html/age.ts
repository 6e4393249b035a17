/**
 * The age label ("2w ago", "1y ago", as daily.dev shows it) of each pick's publication date,
 * counted from the reader's today. A build cannot know that day (and must not read its own clock:
 * same data, same bytes), so the page carries the date as `<time datetime>` and a few lines of
 * script add the age beside it in the browser, in the page's locale (`Intl.RelativeTimeFormat`).
 * Without script, the date alone shows. The only script of a page without search besides JSON-LD.
 */
import type { SiteContext } from "../render/site.js";
import { trustedHtml, type SafeHtml } from "../render/escape.js";

/**
 * The script, for `locale`: for every `.dg-meta time`, days since its `datetime` become days
 * (under a week), weeks (under 30 days), months (under a year) or years, rounded down; "today"
 * under one day; nothing for a date in the future (a clock set wrong, or a time zone ahead).
 */
export function ageScriptSource(locale: string): string {
  // JSON with `<` escaped: the locale cannot end the element.
  const lang = JSON.stringify(locale).replace(/</g, "\\u003c");
  return `(()=>{const a=new Intl.RelativeTimeFormat(${lang},{numeric:"auto",style:"narrow"}),f=new Intl.RelativeTimeFormat(${lang},{style:"narrow"}),n=Date.now();for(const t of document.querySelectorAll(".dg-meta time[datetime]")){const d=(n-Date.parse(t.dateTime))/864e5;if(!(d>=0))continue;const[v,u]=d<7?[d,"day"]:d<30?[d/7,"week"]:d<365?[d/30.44,"month"]:[d/365.25,"year"];const s=document.createElement("span");s.className="dg-age";s.textContent=d<1?a.format(0,"day"):f.format(-Math.floor(v),u);t.after(s)}})()`;
}

/** The age script for a page that shows `dated` picks (none: nothing to count, no script). */
export function ageScript(site: SiteContext, dated: boolean): SafeHtml | undefined {
  return dated
    ? trustedHtml(`<script${site.jsonLdAttributes}>${ageScriptSource(site.options.locale)}</script>`)
    : undefined;
}
