import type { BodyPath } from '../types.js';

/** One value to write into a body. */
export interface PathWrite {
  path: BodyPath;
  value: unknown;
}

/**
 * Copy-on-write update of `body`: each container on a written path is shallow-copied once, every
 * other value is shared, so everything the guard does not rewrite stays exactly as it was.
 * @example
 * writeAtPaths({ messages: [{ role: 'user', content: 'hi' }] }, [{ path: ['messages', 0, 'content'], value: 'HI' }])
 */
export function writeAtPaths(body: unknown, writes: readonly PathWrite[]): unknown {
  if (writes.length === 0) return body;
  const copies = new WeakSet<object>();
  const own = (value: unknown): Record<string | number, unknown> => {
    const copy = Array.isArray(value) ? value.slice() : { ...(value as object) };
    copies.add(copy);
    return copy as Record<string | number, unknown>;
  };
  const root = own(body);
  for (const { path, value } of writes) {
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as string | number;
      let child = node[key] as Record<string | number, unknown>;
      if (!copies.has(child)) {
        child = own(child);
        node[key] = child;
      }
      node = child;
    }
    node[path[path.length - 1] as string | number] = value;
  }
  return root;
}

/** Is the value a plain JSON object (not an array, not null)? */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A path segment name of a route, without query string or trailing slash. */
export function routeEndsWith(path: string, suffix: string): boolean {
  const q = path.indexOf('?');
  let p = q === -1 ? path : path.slice(0, q);
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p === suffix || p.endsWith(suffix);
}
