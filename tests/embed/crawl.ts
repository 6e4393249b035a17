// Reads a built site: every file, and every internal link in its HTML and feeds.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };

/** Every href/src in HTML, and every <link>/href in XML, as written. */
export function linksIn(content: string): string[] {
  const links = [...content.matchAll(/\b(?:href|src)="([^"]*)"/g), ...content.matchAll(/<link>([^<]*)<\/link>/g)].map(
    (m) => m[1]!,
  );
  return links.map((link) => link.replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e));
}

export interface BrokenLink {
  readonly file: string;
  readonly link: string;
}

/**
 * Internal links that don't resolve to a written file. A link is internal when it is root-relative
 * or absolute on `origin`; it must start with `pathPrefix`, and the rest must be a file in `root`.
 */
export function brokenLinks(
  root: string,
  origin: string,
  pathPrefix: string,
): { checked: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of listFiles(root).filter((f) => /\.(html|xml|json)$/.test(f))) {
    for (const link of linksIn(readFileSync(path.join(root, file), "utf8"))) {
      let pathname: string;
      if (link.startsWith(`${origin}/`)) pathname = link.slice(origin.length);
      else if (link.startsWith("/") && !link.startsWith("//")) pathname = link;
      else continue;
      pathname = pathname.replace(/[?#].*$/, "");
      checked++;
      if (!pathname.startsWith(pathPrefix)) {
        broken.push({ file, link });
        continue;
      }
      const relative = decodeURI(pathname.slice(pathPrefix.length));
      const target = path.join(
        root,
        relative.endsWith("/") || relative === "" ? path.join(relative, "index.html") : relative,
      );
      if (!existsSync(target)) broken.push({ file, link });
    }
  }
  return { checked, broken };
}
