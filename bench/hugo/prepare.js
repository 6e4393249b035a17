// The hugo variant's content, made from a digest JSON before any build is timed (a Hugo user keeps
// content as files): one file per article under content/YYYY/MM/ (its issue a section, listed by
// rank through `weight`; `date` is the issue's date less the rank in seconds, so newest issue
// first then rank is Hugo's date order), the article's tags and its source as taxonomies, its
// summary as the body. Articles get no page of their own (`_build.render: never`), as in the
// other variants.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Writes `contentDir` (anew) from `dataFile`. */
export function prepareHugoContent(dataFile, contentDir) {
  rmSync(contentDir, { recursive: true, force: true });
  const digest = JSON.parse(readFileSync(dataFile, "utf8"));
  const write = (path, frontMatter, body = "") => {
    writeFileSync(join(contentDir, path), `${JSON.stringify(frontMatter)}\n${body}\n`);
  };
  mkdirSync(contentDir, { recursive: true });
  write("_index.md", {
    title: digest.title ?? "Bench",
    cascade: [{ _target: { kind: "page" }, _build: { render: "never" } }],
  });
  mkdirSync(join(contentDir, "sources"), { recursive: true });
  // The plugin writes no per-source feeds by default: source pages are HTML only.
  write("sources/_index.md", { title: "Sources", cascade: [{ _target: { kind: "term" }, outputs: ["HTML"] }] });
  const made = new Set();
  for (const article of digest.articles) {
    const [year, month] = article.month.split("-");
    const dir = join(year, month);
    if (!made.has(year)) {
      made.add(year);
      mkdirSync(join(contentDir, year), { recursive: true });
      write(join(year, "_index.md"), { title: year });
    }
    const issueDate = new Date(Date.UTC(Number(year), Number(month), 1));
    if (!made.has(dir)) {
      made.add(dir);
      mkdirSync(join(contentDir, dir), { recursive: true });
      write(join(dir, "_index.md"), { title: `${MONTHS[Number(month) - 1]} ${year}`, date: issueDate.toISOString() });
    }
    const source = typeof article.source === "string" ? article.source : article.source.name;
    write(
      join(dir, `r${article.rank}.md`),
      {
        title: article.title,
        link: article.url,
        weight: article.rank,
        date: new Date(issueDate.getTime() - article.rank * 1000).toISOString(),
        ...(article.published && { published: article.published }),
        kind: article.type ?? "article",
        sources: [source],
        tags: article.tags ?? [],
      },
      article.summary ?? "",
    );
  }
}
