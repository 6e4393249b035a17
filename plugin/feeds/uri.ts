/**
 * URLs as feeds must carry them. Data URLs are valid http(s) URLs, but may hold characters that
 * RFC 3986 does not allow unencoded (spaces, `|`, `[`, non-ASCII); feed validators and some readers
 * reject those, so every URL a feed prints goes through `feedUri`.
 */

// RFC 3986's unreserved and reserved characters, and `%` (already-encoded octets), minus `[` and `]`,
// which are only legal around an IPv6 host.
const NOT_URI_CHAR = /[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/g;

/**
 * The WHATWG serialisation of `url` (punycode host, most characters percent-encoded), with any
 * character still outside RFC 3986 percent-encoded after the host. Pure: the same URL always gives
 * the same string, so it can serve as an identity.
 */
export function feedUri(url: string): string {
  const parsed = new URL(url);
  const href = parsed.href;
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const head = href.slice(0, href.length - rest.length);
  return head + rest.replace(NOT_URI_CHAR, (ch) => encodeURIComponent(ch));
}
