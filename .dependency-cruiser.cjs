/**
 * The plugin's layers, in build order: data -> model -> options -> render -> the renderers (html,
 * feeds, images) -> eleventy, cli. A module may import from its own layer and the layers before it,
 * never from a later one. The three renderers do not import each other: what they share (escaping,
 * Markdown, summaries, the site context, feed links and formats, XML, the email's HTML, wording)
 * lives in render/, below them. `npm run lint` runs this, and fails on any import that climbs or
 * any cycle.
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
      ["model", "render", "html", "feeds", "images", "eleventy", "cli"],
      "data knows nothing of the model, the renderers or Eleventy.",
    ),
    climbing(
      "model",
      ["render", "html", "feeds", "images", "eleventy", "cli"],
      "The model knows nothing of rendering or Eleventy.",
    ),
    {
      name: "data-or-model-imports-options",
      severity: "error",
      comment: "The options are read from data and model (strings, URLs, dates), so those cannot read them.",
      from: { path: "^plugin/(data|model)/" },
      to: { path: "^plugin/options(-schema)?\\.ts$" },
    },
    climbing(
      "render",
      ["html", "feeds", "images", "eleventy", "cli"],
      "What the renderers share sits below them and knows none of them.",
    ),
    climbing(
      "html",
      ["feeds", "images", "eleventy", "cli"],
      "Renderers share through render/ and the layers below it, not through each other.",
    ),
    climbing(
      "feeds",
      ["html", "images", "eleventy", "cli"],
      "Renderers share through render/ and the layers below it, not through each other.",
    ),
    climbing(
      "images",
      ["html", "feeds", "eleventy", "cli"],
      "Renderers share through render/ and the layers below it, not through each other.",
    ),
    climbing("eleventy", ["cli"], "The Eleventy wiring does not depend on the command line."),
    {
      name: "options-below-renderers",
      severity: "error",
      comment: "Options are read by render/ and every layer above it, so they import only data and model.",
      from: { path: "^plugin/options(-schema)?\\.ts$" },
      to: { path: "^plugin/(render|html|feeds|images|eleventy|cli)/" },
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
