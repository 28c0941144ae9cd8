// What telemetry may record about a request URL. A calendar feed's token is the credential for
// someone's private feed, and query strings carry search words and filters: neither may leave the
// server in telemetry. Pure, so it is unit-tested on its own.

const PRIVATE_FEED = /^\/api\/calendar\/(?!hub\/)[^/]+\.ics$/i;

/** The path part of a URL (or a path), without its query string, with credentials replaced. */
export function redactUrlPath(pathOrUrl: string): string {
  let path = pathOrUrl;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length) || '/';
  path = path.split(/[?#]/, 1)[0] || '/';
  if (PRIVATE_FEED.test(path)) return '/api/calendar/{token}.ics';
  return path;
}

/** A full URL with its path redacted (scheme and host kept, query dropped). */
export function redactUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  return scheme ? scheme[0] + redactUrlPath(url) : redactUrlPath(url);
}
