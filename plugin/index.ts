/**
 * eleventy-plugin-digest: monthly "Best of" digests for Eleventy 3.
 *
 * ```js
 * import digest from "eleventy-plugin-digest";
 * export default (eleventyConfig) => eleventyConfig.addPlugin(digest, { siteUrl: "https://digest.example.com" });
 * ```
 */
export { default } from "./eleventy/plugin.js";
export type { EleventyConfigLike, DigestPageEntry } from "./eleventy/plugin.js";
export type { DigestSiteData } from "./eleventy/host-data.js";
export { resolveOptions, DigestOptionsError } from "./options.js";
export type { DigestPluginOptions, DigestFeedOptions, ResolvedDigestOptions, DigestPageKind, DigestItemContext } from "./options.js";
export { validateDigest, DigestValidationError, formatProblem } from "./data/validate.js";
export type { ValidatedDigest, ValidArticle, ValidIssueMeta, ArticleSource, ArticleType, TagIdentity, DigestProblem, ValidateOptions } from "./data/validate.js";
export { validateDigestFile, DigestFileError } from "./data/validate-file.js";
export type { DigestFileReport, ValidateFileOptions } from "./data/validate-file.js";
export { DigestPathError } from "./eleventy/output-path.js";
export { buildDigestModel } from "./model/build.js";
export type { DigestModel, DigestArticle, MonthlyIssue, MonthPage, YearArchive, Tag, TagPage, ModelOptions } from "./model/build.js";
export { digestJsonSchema } from "./data/schema.js";
export { tagSlug, tagKey } from "./model/slug.js";
export type { DigestStrings } from "./html/strings.js";
export type { PageView, Breadcrumb } from "./html/view.js";
export type { FeedFormat, FeedItemMode, ResolvedFeedOptions } from "./options.js";
