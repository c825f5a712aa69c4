/** A `key <operator> value` found in a text: config files, code, env files, headers, CLI flags. */
export interface Assignment {
  /** The key as written (`AWS_SECRET_ACCESS_KEY`, `apiKey`, `Authorization`, `password`). */
  key: string;
  /** Where the value starts (after the operator, spaces, quotes and an auth scheme word). */
  valueStart: number;
}

// After the key: an optional type word (Go's `var name string =`), a closing quote or bracket,
// and an operator (=, :=, ::=, :::=, ?=, +=, .=, =>, ||, :, , and > for XML), or "is"/"was" in
// prose, or spaces after a --flag. Every part is bounded.
// A quote may be escaped (`os.environ[\"TOKEN\"] = \"...\"` in a notebook's JSON).
const AFTER_KEY = /(?:[ \t]{1,4}[A-Za-z_][\w.]{0,63})?(\\?["'`]?\]?)[ \t]{0,4}(::?:?=|\?=|\+=|\.=|=>|\|\||=|:|,|>)|[ \t]+(?:is|was)[ \t]+|([ \t]+)/y;
// After the operator: spaces and quotes (a line break only for XML element content), and an
// HTTP auth scheme word.
const VALUE_PREFIX = /[ \t]{0,4}(?:\\?["'`]){0,2}(?:(?:Bearer|Basic|Token|token|bearer|basic)[ \t]+)?/y;
// A key given as the name field of a pair, its value in the sibling field: Postman's
// {"key": "token", "value": "..."}, Kubernetes' `- name: API_TOKEN` / `value: ...`.
const NAME_FIELD_BEFORE = /["']?(?:name|key|Name|Key)["']?[ \t]*[:=][ \t]*["']?$/;
const VALUE_FIELD_AFTER = /["']?[ \t]*,?[ \t]*(?:\r?\n[ \t]*(?:-[ \t]*)?)?["']?value["']?[ \t]*[:=]/y;
// A password written in prose after the word, without "is" ("user admin / password Maple@8084AJs"):
// only a token of eight or more characters from three classes counts.
const PASSWORD_WORD = /^(?:password|passwd|pwd|passphrase|passcode)$/i;
const PROSE_PASSWORD = /[ \t]+(?=\S{8,64}(?:\s|$))(?=\S*[a-z])(?=\S*[A-Z])(?=\S*[0-9])/y;
const XML_PREFIX = /[ \t]*\r?\n[ \t]{0,16}/y;
const MAX_KEY = 128;
const MAX_ASSIGNMENTS = 8192;

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 36;
}
function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/**
 * The assignments whose key contains a keyword occurrence (given by the end offsets the keyword
 * prefilter recorded), so prose with commas and colons costs nothing. Values are not delimited
 * here: each rule reads its own value format at `valueStart`.
 * @example
 * findAssignments('export GITHUB_TOKEN="ghp_..."', [18]) // [{ key: 'GITHUB_TOKEN', valueStart: 21 }]
 */
export function findAssignments(text: string, keywordEnds: readonly number[]): Assignment[] {
  const out: Assignment[] = [];
  let lastKeyEnd = -1;
  for (const p of keywordEnds) {
    // A bound on work for inputs made of assignments (a 1 MB "key=key=..."); far beyond any
    // configuration file a prompt carries. Prefixed provider formats are found regardless.
    if (out.length >= MAX_ASSIGNMENTS) break;
    if (p <= lastKeyEnd) continue;
    // The key around the keyword occurrence.
    let s = p - 1;
    while (s > 0 && p - s < MAX_KEY && isKeyChar(text.charCodeAt(s - 1))) s--;
    // A flag's dashes are not part of its name (--token VALUE).
    while (s < p - 1 && text.charCodeAt(s) === 45) s++;
    let e = p;
    while (e < text.length && e - s < MAX_KEY && isKeyChar(text.charCodeAt(e))) e++;
    lastKeyEnd = e;
    // Trailing dots and hyphens belong to the sentence, not the key.
    while (e > s && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    if (e <= s) continue;
    if (NAME_FIELD_BEFORE.test(text.slice(Math.max(0, s - 12), s))) {
      VALUE_FIELD_AFTER.lastIndex = e;
      if (VALUE_FIELD_AFTER.exec(text) !== null) {
        VALUE_PREFIX.lastIndex = VALUE_FIELD_AFTER.lastIndex;
        const at = VALUE_PREFIX.exec(text) !== null ? VALUE_PREFIX.lastIndex : VALUE_FIELD_AFTER.lastIndex;
        if (at < text.length) out.push({ key: text.slice(s, e), valueStart: at });
        continue;
      }
    }
    AFTER_KEY.lastIndex = e;
    const m = AFTER_KEY.exec(text);
    if (m === null) continue;
    const op = m[2];
    let at = AFTER_KEY.lastIndex;
    if (op === undefined) {
      // Prose ("password is ...") or a flag's separating spaces ("--token VALUE"), or a strong
      // password right after the word.
      if (m[3] !== undefined && !(s >= 2 && text.charCodeAt(s - 1) === 45 && text.charCodeAt(s - 2) === 45)) {
        PROSE_PASSWORD.lastIndex = e;
        if (!PASSWORD_WORD.test(text.slice(s, e)) || PROSE_PASSWORD.exec(text) === null) continue;
      }
    } else if (op === ',') {
      // A comma only assigns between quoted strings: setProperty("API_TOKEN", "...").
      const closing = m[1] ?? '';
      if (closing === '' || !isQuote(text.charCodeAt(s - 1)) || !/^[ \t]*\\?["'`]/.test(text.slice(at, at + 7))) continue;
    } else if (op === '>') {
      // '>' only closes an XML start tag: <apiToken>VALUE</apiToken>.
      if (!(s > 0 && text.charCodeAt(s - 1) === 60)) continue;
      XML_PREFIX.lastIndex = at;
      if (XML_PREFIX.exec(text) !== null) at = XML_PREFIX.lastIndex;
    } else if (op === '||' && m[1] === '') continue;
    VALUE_PREFIX.lastIndex = at;
    if (VALUE_PREFIX.exec(text) !== null) at = VALUE_PREFIX.lastIndex;
    if (at < text.length) out.push({ key: text.slice(s, e), valueStart: at });
  }
  return out;
}
