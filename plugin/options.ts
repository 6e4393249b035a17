/**
 * The plugin's options resolved: checked once, up front, against the schema (options-schema.ts, the
 * one source of each option's type, default and message), with one error that lists every bad
 * option and what was given.
 */
import type { z } from "zod";
import { stringsFor, type DigestStrings } from "./model/strings.js";
import { optionsSchema, type feedOptionsSchema } from "./options-schema.js";
import { issueProblems, type IssueFormat, type SchemaProblem } from "./data/problems.js";

export {
  FEED_FORMATS,
  type FeedFormat,
  type FeedItemMode,
  type DigestPageKind,
  type DigestItemContext,
  type DigestFeedOptions,
  type DigestPluginOptions,
} from "./options-schema.js";

/** Option problems are named `options.feed.limit`, as the plugin always has; data problems `articles[3].rank`. */
const OPTION_ISSUES: IssueFormat = { base: ["options"], pathStyle: "dotted", keyNoun: "option" };

/** The schema's output, before the options that depend on others are resolved. */
type ParsedOptions = z.output<typeof optionsSchema>;

/** The `feed` options after defaults: the schema's output (formats in the order rss, atom, json; never empty). */
export interface ResolvedFeedOptions extends Readonly<z.output<typeof feedOptionsSchema>> {}

/**
 * Options after defaults and normalisation: the schema's output, and what depends on two options
 * (`strings` on `locale`, `sitemap` on `basePath`) resolved here.
 */
export interface ResolvedDigestOptions
  extends Readonly<Omit<ParsedOptions, "strings" | "sitemap" | "notFoundPage" | "feed" | "layouts">> {
  /** The words of `locale` with the `strings` option on top. */
  readonly strings: DigestStrings;
  readonly feed: ResolvedFeedOptions;
  readonly layouts: Readonly<ParsedOptions["layouts"]>;
  /** Whether `{basePath}sitemap.xml` is written ("auto" resolved). */
  readonly sitemap: boolean;
  /** Whether `{basePath}404.html` is written ("auto" resolved). */
  readonly notFoundPage: boolean;
}

/**
 * Thrown by `addPlugin` for invalid options: one error listing every bad option with what was
 * given, each in `problems` (`path` such as `options.feed.limit`, and the message).
 */
export class DigestOptionsError extends Error {
  readonly problems: readonly SchemaProblem[];
  constructor(problems: readonly SchemaProblem[]) {
    super(`eleventy-plugin-digest: invalid options:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "DigestOptionsError";
    this.problems = problems;
  }
}

/** Checks the options and fills in defaults; throws `DigestOptionsError` naming each bad option. */
export function resolveOptions(input: unknown): ResolvedDigestOptions {
  const parsed = optionsSchema.safeParse(input ?? undefined, { reportInput: true });
  if (!parsed.success) throw new DigestOptionsError(issueProblems(parsed.error, input ?? undefined, OPTION_ISSUES));
  const options = parsed.data;
  return {
    ...options,
    strings: stringsFor(options.locale, options.strings),
    sitemap: options.sitemap === "auto" ? options.basePath === "/" : options.sitemap,
    notFoundPage:
      options.notFoundPage === "auto" ? options.basePath === "/" && options.layout === undefined : options.notFoundPage,
  };
}
