/**
 * eleventy-plugin-digest: monthly "Best of" digests for Eleventy 3 and 4.
 *
 * ```js
 * import digest from "eleventy-plugin-digest";
 * export default (eleventyConfig) => eleventyConfig.addPlugin(digest, { siteUrl: "https://digest.example.com" });
 * ```
 *
 * The public API: the plugin, `validateDigest` and `validateDigestFile` (check data without a
 * build), the error classes, and the types a user writes or reads (options, the model a
 * `renderItem` or a host template sees, the `renderItem` context). Nothing internal.
 *
 * `configFunction` is the plugin again, under the name Eleventy's `addPlugin` reads from a plugin
 * object: a CommonJS config's `require("eleventy-plugin-digest")` (Node 20.19+ and 22 return the
 * module namespace) is then a valid plugin as it is, with no `.default`.
 */
export { default, default as configFunction } from "./eleventy/plugin.js";
export type {
  DigestPluginOptions,
  DigestFeedOptions,
  DigestPageKind,
  DigestItemContext,
  FeedFormat,
  FeedItemMode,
} from "./options.js";
export type { DigestStrings } from "./model/strings.js";
export { DigestOptionsError } from "./options.js";
export { validateDigest, DigestValidationError } from "./data/validate.js";
export type {
  ValidatedDigest,
  ValidArticle,
  ValidIssueMeta,
  ArticleSource,
  ArticleType,
  TagIdentity,
  DigestProblem,
  ValidateOptions,
} from "./data/validate.js";
export { validateDigestFile, DigestFileError } from "./data/validate-file.js";
export type { DigestFileReport, ValidateFileOptions } from "./data/validate-file.js";
export { DigestPathError } from "./eleventy/output-path.js";
export type {
  DigestArticle,
  MonthlyIssue,
  MonthPage,
  YearArchive,
  Tag,
  TagFeed,
  TagPage,
  Source,
  SourcePage,
} from "./model/build.js";
export type { DigestSiteData } from "./eleventy/host-data.js";
