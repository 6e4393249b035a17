/**
 * The packages only `shareImages` and `search` use are optional peer dependencies: a site that
 * leaves both off (the default) does not install them. A site that turns one on without its
 * packages is told so when it adds the plugin, in one line with the command that installs them,
 * before anything is built or written.
 */
import { createRequire } from "node:module";
import type { ResolvedDigestOptions } from "../options.js";

/** The packages each optional feature loads (`import()`ed only by a build that uses it). */
export const OPTIONAL_PACKAGES = {
  shareImages: ["satori", "@resvg/resvg-js", "@fontsource/inter"],
  search: ["pagefind"],
} as const satisfies Record<string, readonly string[]>;

/** The features, by option name, that have optional packages. */
export type OptionalFeature = keyof typeof OPTIONAL_PACKAGES;

/**
 * Whether `name` can be loaded from the plugin's own folder, as its `import()` will load it. A
 * package whose `exports` hide its package.json is installed all the same.
 */
function installedFrom(base: string | URL): (name: string) => boolean {
  const require = createRequire(base);
  return (name) => {
    try {
      require.resolve(`${name}/package.json`);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ERR_PACKAGE_PATH_NOT_EXPORTED";
    }
  };
}

/** Thrown when `shareImages` or `search` is on and a package it needs is not installed. */
export class DigestMissingPackageError extends Error {
  constructor(
    readonly features: readonly OptionalFeature[],
    readonly packages: readonly string[],
  ) {
    super(
      `eleventy-plugin-digest: ${features.join(" and ")} ${features.length > 1 ? "need" : "needs"} ${packages.join(", ")}, not installed; install with: npm install ${packages.join(" ")}`,
    );
    this.name = "DigestMissingPackageError";
  }
}

/**
 * Throws `DigestMissingPackageError` (one line naming every missing package and the `npm install`
 * command) if a feature that is on lacks one of its packages. `installed` is for tests.
 */
export function assertOptionalPackages(
  options: Pick<ResolvedDigestOptions, OptionalFeature>,
  installed: (name: string) => boolean = installedFrom(import.meta.url),
): void {
  const features = (Object.keys(OPTIONAL_PACKAGES) as OptionalFeature[]).filter(
    (feature) => options[feature] && OPTIONAL_PACKAGES[feature].some((name) => !installed(name)),
  );
  if (features.length === 0) return;
  const missing = features.flatMap((feature) => OPTIONAL_PACKAGES[feature].filter((name) => !installed(name)));
  throw Object.assign(new DigestMissingPackageError(features, missing), { skipOriginalStack: true });
}

/** `assertOptionalPackages` with packages resolved from `base` (a file or folder URL or path), for tests. */
export function optionalPackagesFrom(base: string | URL): (name: string) => boolean {
  return installedFrom(base);
}
