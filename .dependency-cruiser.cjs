/**
 * The plugin's layers, in build order: data -> model -> render (html, feeds, images) -> eleventy, cli.
 * A module may import from its own layer and the layers before it, never from a later one, and the
 * three renderers do not import each other (what they share lives below them). `npm run lint` runs
 * this; `.dependency-cruiser-known-violations.json` lists the imports that still climb, to be
 * removed, so that no new one can be added.
 */
const layer = (name) => `^plugin/${name}/`;
const climbing = (from, to, comment) => ({
  name: `${from}-imports-${to.join("-or-")}`,
  comment,
  severity: "error",
  from: { path: layer(from) },
  to: { path: `^plugin/(${to.join("|")})/` },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle ties modules that should build on one another.",
      from: {},
      to: { circular: true },
    },
    climbing(
      "data",
      ["model", "html", "feeds", "images", "eleventy", "cli"],
      "data knows nothing of the model, the renderers or Eleventy.",
    ),
    climbing(
      "model",
      ["html", "feeds", "images", "eleventy", "cli"],
      "The model knows nothing of rendering or Eleventy.",
    ),
    climbing(
      "html",
      ["feeds", "images", "eleventy", "cli"],
      "Renderers share through the layers below them, not through each other.",
    ),
    climbing(
      "feeds",
      ["html", "images", "eleventy", "cli"],
      "Renderers share through the layers below them, not through each other.",
    ),
    climbing(
      "images",
      ["html", "feeds", "eleventy", "cli"],
      "Renderers share through the layers below them, not through each other.",
    ),
    climbing("eleventy", ["cli"], "The Eleventy wiring does not depend on the command line."),
    {
      name: "options-below-renderers",
      severity: "error",
      comment: "Options are read by every layer, so they import only data and model.",
      from: { path: "^plugin/options(-schema)?\\.ts$" },
      to: { path: "^plugin/(html|feeds|images|eleventy|cli)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^plugin/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
