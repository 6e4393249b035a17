/**
 * When two links are the same pick: compared after normalising what varies between copies of one
 * link (the scheme, a leading `www.`, a trailing slash, `utm_*` tracking parameters, the fragment),
 * so an import does not add what the digest already has.
 */

/** The key two copies of one link share; `undefined` for something that is not an http(s) URL. */
export function pickKey(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  const params = [...url.searchParams].filter(([name]) => !name.toLowerCase().startsWith("utm_"));
  const query = new URLSearchParams(params).toString();
  const host = url.hostname.replace(/^www\./i, "");
  const pathname = url.pathname.replace(/\/+$/, "");
  return `${host}${url.port ? `:${url.port}` : ""}${pathname}${query ? `?${query}` : ""}`;
}
