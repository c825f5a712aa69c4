import type { Recognizer } from './recognizer.js';

/**
 * URLs with a user name and password in the authority (`scheme://user:secret@host`, RFC 3986
 * userinfo). The whole URL up to the first whitespace, quote or bracket is reported, so a
 * redaction removes the host the credentials open too.
 * @example
 * urlCredentials().find('see https://bob:hunter2@example.org/x', out) // pii.url-credentials
 */
export function urlCredentials(): Recognizer {
  // Scheme, then userinfo with a password; both parts are bounded and exclude '@' and '/'.
  const re = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:@/?#'"<>\\]{1,128}:[^\s@/?#'"<>\\]{1,256}@[^\s'"<>\\`)\]}]{1,2048}/g;
  return {
    id: 'pii.url-credentials',
    kinds: ['pii.url-credentials'],
    maxMatchLength: 2048 + 420,
    find(text, out) {
      if (text.indexOf('://') === -1) return;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        let value = m[0];
        while (/[.,;:!?]$/.test(value)) value = value.slice(0, -1);
        const at = value.indexOf('@');
        const colon = value.indexOf(':', value.indexOf('://') + 3);
        const password = value.slice(colon + 1, at);
        // Template placeholders and masks are not credentials.
        if (/^(?:\*+|x+|\$\{?[A-Za-z_]+\}?|<[^>]*>|\{\{[^}]*\}\}|%[A-Za-z_]+%|password|pass|pwd)$/i.test(password)) continue;
        out.push({ start: m.index, end: m.index + value.length, kind: 'pii.url-credentials', score: 0.9 });
      }
    },
  };
}
