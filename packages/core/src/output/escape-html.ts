import type { OutputTransform } from './transform.js';

const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape `& < > " '` so the model's text is inert in HTML text and quoted attributes
 * (OWASP XSS Prevention Cheat Sheet, rule 1). Per-character, so streams hold nothing back.
 * @example
 * escapeHtml().apply('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(): OutputTransform {
  return {
    id: 'output.escape-html',
    maxMatchLength: 1,
    apply: (text) => (SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITIES[c] as string) : text),
  };
}
