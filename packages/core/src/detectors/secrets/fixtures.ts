/**
 * Test-only: fake credentials for every catalogue rule, built at run time from the rule's own
 * format with a seeded generator (no real or copied secret is stored in the repository, and
 * nothing here looks like a secret to a scanner reading the source).
 */
import type { SecretRule } from './secret-rule.js';

/** Deterministic PRNG (mulberry32), so fixtures are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';

/**
 * A random string matching a pattern (the subset of regex syntax the catalogue uses: literals,
 * classes, \w \d, groups with alternation (first branch taken), quantifiers; lookarounds and
 * anchors are skipped).
 */
export function sample(pattern: RegExp, random: () => number): string {
  const src = pattern.source;
  let i = 0;
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)] as string;
  const parseClass = (): string => {
    // at '['
    i++;
    let negate = false;
    if (src[i] === '^') {
      negate = true;
      i++;
    }
    const set: string[] = [];
    let first = true;
    while (i < src.length && (src[i] !== ']' || first)) {
      first = false;
      const ch = src[i] as string;
      if (ch === '\\') {
        const e = src[i + 1] as string;
        i += 2;
        if (e === 'w') set.push(...WORD);
        else if (e === 'd') set.push(...'0123456789');
        else if (e === 's') set.push(' ');
        else set.push(e);
        continue;
      }
      if (src[i + 1] === '-' && src[i + 2] !== undefined && src[i + 2] !== ']') {
        let end = src[i + 2] as string;
        let skip = 3;
        if (end === '\\') {
          end = src[i + 3] as string;
          skip = 4;
        }
        for (let c = ch.charCodeAt(0); c <= end.charCodeAt(0); c++) set.push(String.fromCharCode(c));
        i += skip;
        continue;
      }
      set.push(ch);
      i++;
    }
    i++; // ]
    if (negate) return 'abcdefghjk';
    // Keep only characters that are safe inside a token (no quotes or spaces).
    const usable = set.filter((c) => !/[\s'"`\\]/.test(c));
    return usable.length > 0 ? usable.join('') : set.join('');
  };
  const repeat = (): [number, number] => {
    const q = src[i];
    if (q === '{') {
      const close = src.indexOf('}', i);
      const [a = '0', b] = src.slice(i + 1, close).split(',');
      i = close + 1;
      if (src[i] === '?') i++;
      const min = Number(a);
      const max = b === undefined ? min : b === '' ? min + 8 : Number(b);
      return [min, max];
    }
    if (q === '?' || q === '*' || q === '+') {
      i++;
      if (src[i] === '?') i++;
      return q === '?' ? [0, 0] : q === '*' ? [0, 0] : [1, 1];
    }
    return [1, 1];
  };
  const count = ([min, max]: [number, number]) => (min === max ? min : Math.min(max, Math.max(min, 24)));
  const parseSeq = (): string => {
    let out = '';
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const ch = src[i] as string;
      let unit: () => string;
      if (ch === '(') {
        if (src.startsWith('(?<=', i) || src.startsWith('(?<!', i) || src.startsWith('(?=', i) || src.startsWith('(?!', i)) {
          // Skip a lookaround with its nested parentheses.
          let depth = 0;
          for (; i < src.length; i++) {
            if (src[i] === '\\') {
              i++;
              continue;
            }
            if (src[i] === '[') {
              while (src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
            }
            if (src[i] === '(') depth++;
            if (src[i] === ')' && --depth === 0) break;
          }
          i++;
          continue;
        }
        i += src.startsWith('(?:', i) ? 3 : 1;
        const start = i;
        const body = parseAlt();
        i++; // )
        void start;
        unit = () => body;
      } else if (ch === '[') {
        const chars = parseClass();
        unit = () => pick(chars);
      } else if (ch === '\\') {
        const e = src[i + 1] as string;
        i += 2;
        if (e === 'w') unit = () => pick(WORD);
        else if (e === 'd') unit = () => pick('0123456789');
        else if (e === 'b' || e === 'B') continue;
        else if (e === 's') unit = () => ' ';
        else unit = () => e;
      } else if (ch === '^' || ch === '$') {
        i++;
        continue;
      } else {
        i++;
        unit = () => ch;
      }
      const n = count(repeat());
      for (let k = 0; k < n; k++) out += unit();
    }
    return out;
  };
  const parseAlt = (): string => {
    const first = parseSeq();
    while (src[i] === '|') {
      i++;
      parseSeq();
    }
    return first;
  };
  return parseAlt();
}

/** The key a keyed rule's value is assigned to in its fixture (`ADAFRUIT_TOKEN`). */
export function fixtureKey(rule: SecretRule): string {
  return `${(rule.keywords[0] as string).replace(/[^a-z0-9_]+/gi, '_').replace(/^_+|_+$/g, '').toUpperCase()}_TOKEN`;
}

/** Text around a prefixed secret, for rules whose pattern needs what precedes or follows the token. */
const CONTEXTS: Readonly<Record<string, (v: string) => string>> = {
  'azure-ad-client-secret': (v) => `client_secret=${v}`,
  'azure-storage-account-key': (v) => `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${v};EndpointSuffix=core.windows.net`,
  'azure-sas-signature': (v) => `https://demo.blob.core.windows.net/c/f.txt?sv=2022-11-02&se=2030-01-01&sp=r&sig=${v}`,
  'gitlab-session-cookie': (v) => `Cookie: _gitlab_session=${v}`,
  'sidekiq-sensitive-url': (v) => `source "https://${v}@gems.contribsys.com/"`,
  'facebook-access-token': (v) => `facebook app token ${v}`,
  'discord-bot-token': (v) => `discord bot token: ${v}`,
  'discord-webhook-url': (v) => `discord webhook ${v}`,
  'ngrok-api-key': (v) => `ngrok api key ${v}`,
  'asana-pat': (v) => `asana token ${v}`,
  'mailgun-api-key': (v) => `requests.post("https://api.mailgun.net/v3/example.org/messages", auth=("api", "${v}"))`,
};

/** A fixture row: texts where the rule must fire and texts where it must not. */
export interface SecretFixture {
  rule: string;
  tp: string[];
  fp: string[];
}

/** Fixtures for every catalogue rule, in the catalogue's order. */
export function catalogueFixtures(rules: readonly SecretRule[]): SecretFixture[] {
  return rules.map((rule, n) => {
    const random = seeded(1000 + n);
    if (rule.pattern !== undefined) {
      const value = sample(rule.pattern, random);
      const wrap = CONTEXTS[rule.id] ?? ((v: string) => `config value: ${v}`);
      // Near misses: the token's body replaced by a mask, and the prefix with only three more characters.
      const lower = value.toLowerCase();
      const found = rule.keywords.reduce((best, k) => {
        const at = lower.indexOf(k);
        return at === -1 ? best : Math.max(best, at + k.length);
      }, 0);
      // A marker at the end of the token (MaxMind's "_mmk") leaves no body after it: mask from the start.
      const keep = found === 0 || found > value.length - 6 ? 4 : found;
      const masked = value.slice(0, keep) + value.slice(keep).replace(/[A-Za-z0-9]/g, 'x');
      const cut = value.slice(0, keep + 3);
      return { rule: rule.id, tp: [wrap(value)], fp: [wrap(masked), `short ${cut} here`] };
    }
    const value = sample(rule.value as RegExp, random);
    const key = fixtureKey(rule);
    return {
      rule: rule.id,
      tp: [`${key}="${value}"`, `${key.toLowerCase()}: ${value}`],
      // The same value under a key that does not name the provider, and a masked value under the right key.
      fp: [`UNRELATED_SETTING="${value}"`, `${key}="${'x'.repeat(Math.max(8, value.length))}"`],
    };
  });
}
