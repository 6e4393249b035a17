/**
 * URLs as feeds must carry them. Data URLs are valid http(s) URLs, but may hold characters that
 * RFC 3986 does not allow unencoded (spaces, `|`, `[`, non-ASCII); feed validators and some readers
 * reject those, so every URL a feed prints goes through `feedUri`, and the data's URLs are checked
 * into the same form (data/schema.ts), so pages and emails link them so too.
 */

// RFC 3986's unreserved and reserved characters, and `%` (already-encoded octets), minus `[` and `]`,
// which are only legal around an IPv6 host.
const NOT_URI_CHAR = /[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/g;

// A `%` that does not start a percent-encoded octet ("100%", "%zz"): RFC 3986 has no place for it.
const BARE_PERCENT = /%(?![0-9A-Fa-f]{2})/g;

/**
 * The WHATWG serialisation of `url` (punycode host, most characters percent-encoded), with any
 * character still outside RFC 3986 percent-encoded after the host, and a `%` that starts no
 * percent-encoded octet written as `%25`. Pure: the same URL always gives the same string, so it
 * can serve as an identity; a URL already in that form is returned as it is.
 */
export function feedUri(url: string): string {
  return uriOf(new URL(url));
}

/** `feedUri` of a URL already parsed (the data's URLs are parsed once, when they are checked). */
export function uriOf(parsed: URL): string {
  const href = parsed.href;
  // The path starts at the first "/" after "scheme://" (userinfo and host hold no "/"). Splitting
  // there, not by adding up pathname, search and hash, keeps an empty query or fragment ("?", "#"),
  // which WHATWG serialises but reports as "".
  const pathStart = href.indexOf("/", parsed.protocol.length + 2);
  const head = pathStart === -1 ? href : href.slice(0, pathStart);
  const rest = pathStart === -1 ? "" : href.slice(pathStart);
  return head + rest.replace(NOT_URI_CHAR, (ch) => encodeURIComponent(ch)).replace(BARE_PERCENT, "%25");
}
