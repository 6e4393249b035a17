/**
 * What the browser tests share: a tiny static server for a built site on 127.0.0.1 (random port),
 * and one headless Chromium from @sparticuz/chromium.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";
import type { BuildResult } from "../helpers/build/index.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  // The demo's thumbnails and share images: a static host gives them their image type.
  ".svg": "image/svg+xml",
  ".png": "image/png",
  // Pagefind's UI imports pagefind.js as a module, which browsers run only with a JavaScript type.
  ".js": "text/javascript; charset=utf-8",
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` as a static host would: `/x/` → `/x/index.html`, percent-decoded paths, 404
 * otherwise; with `notFound` (a file in `dir`, e.g. "404.html"), a miss gets that page with its 404
 * status, as `npx http-server`, Netlify and GitHub Pages do.
 */
export async function serveStatic(dir: string, { notFound }: { notFound?: string } = {}): Promise<StaticServer> {
  const server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      const file = path.join(dir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
      if (!file.startsWith(dir + path.sep) || !(await stat(file)).isFile()) throw new Error("not a file");
      response.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(response);
    } catch {
      const page =
        notFound === undefined
          ? undefined
          : await stat(path.join(dir, notFound)).then(
              (found) => (found.isFile() ? path.join(dir, notFound) : undefined),
              () => undefined,
            );
      if (page === undefined) response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      else createReadStream(page).pipe(response.writeHead(404, { "content-type": "text/html; charset=utf-8" }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the static server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One headless Chromium. `--single-process` is left out: it is meant for AWS Lambda and makes new contexts flaky. */
export async function launchChromium(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args.filter((arg) => arg !== "--single-process"),
    headless: true,
  });
}

/** A built site, served on 127.0.0.1, and one Chromium: what each browser test file opens once. */
export interface ServedSite {
  readonly site: BuildResult;
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** Builds the site (`build`) while Chromium starts, then serves the output. */
export async function openServedSite(build: () => Promise<BuildResult>): Promise<ServedSite> {
  const [site, browser] = await Promise.all([build(), launchChromium()]);
  return { site, browser, server: await serveStatic(site.outputDir) };
}

/** Closes what `openServedSite` opened (any part may be missing when its `beforeAll` failed). */
export async function closeServedSite(served: Partial<ServedSite>): Promise<void> {
  await served.browser?.close();
  await served.server?.close();
  await served.site?.cleanup();
}
