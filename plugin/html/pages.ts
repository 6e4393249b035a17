/**
 * The page templates, as plain functions from the model to HTML. Every piece of data text goes
 * through `escapeHtml`; summaries through our safe Markdown. Each returns the page's content and
 * metadata; `document.ts` wraps it unless the host's layout does. This module gathers them: one
 * file per page kind (`archive.ts`, `year.ts`, `month.ts`, `tag.ts`, `source.ts`, `subscribe.ts`, `search.ts`), with the card
 * (`card.ts`) and the pagination (`pagination.ts`) they share.
 */
export { articleCard, renderArticleCard } from "./card.js";
export { pageWindow, renderPagination } from "./pagination.js";
export { renderArchive } from "./archive.js";
export { renderYear } from "./year.js";
export { renderMonthPage } from "./month.js";
export { renderTagIndex, renderTagPage } from "./tag.js";
export { renderSourceIndex, renderSourcePage } from "./source.js";
export { renderSubscribe } from "./subscribe.js";
export { renderSearch } from "./search.js";
export type { Tag } from "../model/build.js";
