/**
 * Fetching a page for `add`: Node's own `fetch`, with the limits a command run on anyone's links
 * needs. Redirects are followed by hand (so a loop is named, and each hop counted), the whole fetch
 * has a timeout, the body is read as a stream and dropped past a size limit, and the bytes are
 * decoded by the charset the server or the page declares (else UTF-8 when they are valid UTF-8,
 * else windows-1252, as browsers do). Anything but HTML is reported, not read.
 */

/** How `fetchPage` fetches. */
export interface FetchOptions {
  /** Milliseconds for the whole fetch, redirects and body included. */
  readonly timeoutMs: number;
  /** Bytes of body read at most; a larger page is reported as too large. */
  readonly maxBytes: number;
  /** Redirects followed at most. */
  readonly maxRedirects: number;
  readonly userAgent: string;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 10,
  userAgent: "eleventy-plugin-digest (+https://github.com/eleventy-plugin-digest/eleventy-plugin-digest)",
};

/** A fetched HTML page: where it ended up (after redirects) and its text. */
export interface FetchedPage {
  readonly ok: true;
  /** The page's final URL, after redirects. */
  readonly url: string;
  readonly html: string;
}

/** Why a page was not fetched, in words for the one line the command prints about it. */
export interface FetchFailure {
  readonly ok: false;
  readonly reason: string;
}

/** The HTML media types; anything else (a PDF, an image, JSON) is not read for metadata. */
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/** Fetches `url` as `FetchOptions` say; never rejects: a failure is a `FetchFailure`. */
export async function fetchPage(
  url: string,
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<FetchedPage | FetchFailure> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    return await fetchFollowing(url, options, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: `timed out after ${options.timeoutMs / 1000} s` };
    return { ok: false, reason: networkReason(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The fetch itself, following redirects by hand. */
async function fetchFollowing(
  start: string,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<FetchedPage | FetchFailure> {
  const seen = new Set<string>();
  let current = start;
  for (let hops = 0; ; hops++) {
    if (seen.has(current)) return { ok: false, reason: `redirect loop (back to ${current})` };
    seen.add(current);
    const response = await fetch(current, {
      redirect: "manual",
      signal,
      headers: { "user-agent": options.userAgent, accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" },
    });
    if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
      await response.body?.cancel();
      if (hops >= options.maxRedirects) return { ok: false, reason: `more than ${options.maxRedirects} redirects` };
      const next = new URL(response.headers.get("location")!, current);
      if (next.protocol !== "http:" && next.protocol !== "https:")
        return { ok: false, reason: `redirected to a non-http(s) URL (${next.protocol})` };
      current = next.href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
    }
    const contentType = response.headers.get("content-type") ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    if (mediaType !== "" && !HTML_TYPES.has(mediaType)) {
      await response.body?.cancel();
      return { ok: false, reason: `not an HTML page (${mediaType})` };
    }
    const declaredLength = Number(response.headers.get("content-length"));
    if (declaredLength > options.maxBytes) {
      await response.body?.cancel();
      return { ok: false, reason: `too large (${declaredLength} bytes; the limit is ${options.maxBytes})` };
    }
    const bytes = await readLimited(response, options.maxBytes);
    if (bytes === undefined) return { ok: false, reason: `too large (more than ${options.maxBytes} bytes)` };
    if (mediaType === "" && looksBinary(bytes))
      return { ok: false, reason: "not an HTML page (no content type, binary bytes)" };
    const decoded = decodeHtml(bytes, charsetParameter(contentType));
    if (!decoded.ok) return decoded;
    return { ok: true, url: current, html: decoded.text };
  }
}

/** The body, read chunk by chunk; `undefined` as soon as it passes `maxBytes` (the rest is never read). */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A PDF or image served without a content type: NUL bytes in its first kilobyte. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 1024).includes(0);
}

/** The `charset` parameter of a Content-Type header, if any. */
function charsetParameter(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

/**
 * The page's text. The charset is the header's, else a `<meta charset>` (or `http-equiv`) in the
 * first 1024 bytes, as the HTML standard's prescan looks; else UTF-8 if the bytes are valid UTF-8,
 * else windows-1252 (what browsers assume for Latin-1 pages that declare nothing).
 */
export function decodeHtml(
  bytes: Uint8Array,
  headerCharset: string | undefined,
): { ok: true; text: string } | FetchFailure {
  // A byte order mark wins over any declaration, as in browsers.
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? "utf-8"
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? "utf-16le"
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? "utf-16be"
          : undefined;
  const prescanned = prescanCharset(bytes);
  // A <meta> that says UTF-16 is read as UTF-8: the bytes it was found in were ASCII.
  const declared =
    bom ?? headerCharset ?? (prescanned !== undefined && /^utf-16/i.test(prescanned) ? "utf-8" : prescanned);
  if (declared !== undefined) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(declared);
    } catch {
      return { ok: false, reason: `unknown character encoding ${JSON.stringify(declared)}` };
    }
    return { ok: true, text: decoder.encoding === "windows-1252" ? decodeWindows1252(bytes) : decoder.decode(bytes) };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes) };
  }
}

// windows-1252's 0x80 to 0x9F (the rest is Latin-1); 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay as themselves.
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * windows-1252, which the WHATWG Encoding standard also gives for "latin1" and "iso-8859-1":
 * decoded here because Node 20's TextDecoder reads those labels as ISO-8859-1, turning
 * 0x80 to 0x9F (€, curly quotes, dashes) into C1 controls.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk).replace(
      /[\u0080-\u009f]/g,
      (character) => WINDOWS_1252_HIGH[character.charCodeAt(0) - 0x80]!,
    );
  }
  return text;
}

/** A charset named by a `<meta>` in the first 1024 bytes (read as ASCII). */
function prescanCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
}

/** A network error's cause in a few words: DNS, refused, reset… */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found (DNS)";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return `TLS error (${code})`;
  return cause?.message ?? (error as Error).message;
}
