/**
 * eleventy-plugin-digest: monthly "Best of" digests for Eleventy 3.
 *
 * ```js
 * import digest from "eleventy-plugin-digest";
 * export default (eleventyConfig) => eleventyConfig.addPlugin(digest, { siteUrl: "https://digest.example.com" });
 * ```
 */
export { default } from "./eleventy.js";
export type { EleventyConfigLike, DigestPageEntry } from "./eleventy.js";
export type { DigestSiteData } from "./host-data.js";
export { resolveOptions, DigestOptionsError } from "./options.js";
export type { DigestPluginOptions, DigestFeedOptions, ResolvedDigestOptions, DigestPageKind, DigestItemContext } from "./options.js";
export { validateDigest, DigestValidationError, formatProblem } from "./validate.js";
export type { ValidatedDigest, ValidArticle, ValidIssueMeta, ArticleSource, ArticleType, TagIdentity, DigestProblem, ValidateOptions } from "./validate.js";
export { validateDigestFile, DigestFileError } from "./validate-file.js";
export type { DigestFileReport, ValidateFileOptions } from "./validate-file.js";
export { DigestPathError } from "./output-path.js";
export { buildDigestModel } from "./model.js";
export type { DigestModel, DigestArticle, MonthlyIssue, MonthPage, YearArchive, Tag, TagPage, ModelOptions } from "./model.js";
export { digestJsonSchema } from "./schema.js";
export { tagSlug, tagKey } from "./slug.js";
export type { DigestStrings } from "./strings.js";
export type { PageView, Breadcrumb } from "./pages.js";
export type { FeedFormat, FeedItemMode, ResolvedFeedOptions } from "./options.js";
