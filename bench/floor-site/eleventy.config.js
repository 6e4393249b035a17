// The floor variant: Eleventy writing the plugin variant's own files, already rendered, through one
// paginated virtual template (the way the plugin hands Eleventy its pages). What Eleventy itself
// costs for this many files of these bytes, whatever renders them: a plugin in the default
// pipeline cannot build faster, nor in less memory, than this.
// BENCH_FLOOR_FROM: a folder holding a plugin build's output (bench/run.js makes it, untimed).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export default function (eleventyConfig) {
  const from = process.env.BENCH_FLOOR_FROM;
  if (!from) throw new Error("BENCH_FLOOR_FROM: the folder of a plugin build's output");
  const files = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(from, join(entry.parentPath, entry.name)).split("\\").join("/")}`)
    .sort();
  eleventyConfig.addTemplate(
    "floor/files.11ty.js",
    class {
      data() {
        return {
          floorSeed: [0],
          pagination: { data: "floorSeed", size: 1, alias: "file", before: () => files },
          permalink: (data) => data.file,
        };
      }
      // Read when rendered, as the plugin renders each page when Eleventy asks: the text is held by
      // Eleventy from then on, as the plugin's is. (Reading a file from the page cache is cheaper
      // than rendering it, so the floor stays a floor.)
      render(data) {
        return readFileSync(join(from, data.file), "utf8");
      }
    },
  );
}
