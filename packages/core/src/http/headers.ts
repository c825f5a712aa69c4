/** Request headers in any of the shapes adapters have: web `Headers` or Node's header object. */
export type HeadersLike = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** First value of a header, case-insensitive. */
export function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | readonly string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] as string | undefined) : (v as string | undefined);
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reuse a well-formed incoming request id (from a proxy), otherwise make one. */
export function requestIdFrom(incoming: string | undefined): string {
  return incoming !== undefined && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Does the request announce a body (RFC 9112, section 6.3: Content-Length > 0 or Transfer-Encoding)? */
export function declaresBody(headers: HeadersLike): boolean {
  return headerValue(headers, 'transfer-encoding') !== undefined || Number(headerValue(headers, 'content-length') ?? 0) > 0;
}
