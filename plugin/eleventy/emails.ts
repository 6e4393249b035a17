/**
 * The issues' emails in the `eleventy` pipeline: files for the publisher's sender, not pages of the
 * blog, so no host transform (a minifier, eleventy-img, an HTML rewriter that escapes Outlook's
 * conditional comments) may change them. The plugin writes them itself in Eleventy's `afterBuild`
 * event, which runs before every `eleventy.after` listener: only in a build that writes files
 * (not under --dryrun, --to=json or --to=ndjson), and only when Eleventy wrote digest pages in it.
 */
import type { ResolvedDigestOptions } from "../options.js";
import type { BuildTracker } from "./build.js";
import type { EleventyConfigLike } from "./config.js";
import { emailEntries, insideBase, needingWrite } from "./entries.js";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { outputFileFor } from "./writer.js";

/** Whether the `afterBuild` event is of a build that wrote files, among them a digest template's. */
export function wroteDigestFiles(event: unknown, isOwnTemplate: (inputPath: string) => boolean): boolean {
  const build = event as { outputMode?: unknown; results?: readonly { inputPath?: unknown }[] } | undefined;
  if (build?.outputMode !== undefined && build.outputMode !== "fs") return false;
  return (build?.results ?? []).some(
    (result) => typeof result?.inputPath === "string" && isOwnTemplate(result.inputPath),
  );
}

/**
 * Writes the emails after Eleventy's own files (see the module's comment). Synchronously: two small
 * files per issue, and a listener that is done when it returns.
 */
export function addEmailWriter(
  eleventyConfig: EleventyConfigLike,
  options: ResolvedDigestOptions,
  builds: BuildTracker,
  isOwnTemplate: (inputPath: string) => boolean,
): void {
  eleventyConfig.on("afterBuild", (...args: unknown[]) => {
    const state = builds.current();
    const outputDir = builds.outputDir();
    if (!state || outputDir === undefined || !wroteDigestFiles(args[0], isOwnTemplate)) return;
    for (const email of needingWrite(insideBase(emailEntries(state), options.basePath), state.changed)) {
      const file = outputFileFor(outputDir, email.path);
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, email.render());
      } catch (error) {
        throw Object.assign(
          new Error(`eleventy-plugin-digest: could not write ${file}: ${(error as Error).message}`, { cause: error }),
          { skipOriginalStack: true },
        );
      }
    }
  });
}
