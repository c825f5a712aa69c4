import type { DetectorMatch } from '../../types.js';
import { isPlaceholder, shannonEntropy } from './entropy.js';

/**
 * Credentials whose shape needs a little code rather than one pattern: PEM/OpenSSH/PGP private
 * keys, JWTs, connection strings, HTTP auth headers, curl credentials, Kubernetes Secret
 * manifests, NuGet config passwords and PHP (Freemius) secret keys. Each is a row with the same
 * metadata as the catalogue and a `find` function.
 */
export interface SpecialRule {
  readonly id: string;
  readonly description: string;
  readonly reference: string;
  readonly keywords: readonly string[];
  find(text: string, out: DetectorMatch[]): void;
}

const push = (out: DetectorMatch[], id: string, start: number, end: number, score: number) =>
  out.push({ start, end, kind: `secret.${id}`, score });

// --- private keys -------------------------------------------------------------------------------
const BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g;
const BODY_CHAR = /[A-Za-z0-9+/=\s\\:,.-]/;

function privateKeys(text: string, out: DetectorMatch[]): void {
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const end = text.indexOf('-----END', bodyStart);
    const limit = end === -1 ? Math.min(text.length, bodyStart + 8192) : end;
    // Count key material (base64 characters) up to the END line, or as far as it goes when cut.
    let material = 0;
    let i = bodyStart;
    for (; i < limit; i++) {
      const ch = text[i] as string;
      if (!BODY_CHAR.test(ch)) break;
      if (/[A-Za-z0-9+/]/.test(ch)) material++;
    }
    if (material < 64) continue;
    let stop = i;
    if (end !== -1 && i === end) {
      const close = text.indexOf('-----', end + 8);
      stop = close === -1 ? end : close + 5;
    }
    push(out, 'private-key', m.index, stop, 1);
    BEGIN.lastIndex = stop;
  }
}

// --- JSON Web Tokens ----------------------------------------------------------------------------
// Header and payload are base64url JSON objects, so both start with "ey"; the signature may be empty.
const JWT = /(?<![\w-])ey[A-Za-z0-9_-]{17,}\.ey[A-Za-z0-9_/\\-]{17,}\.(?:[A-Za-z0-9_/\\-]{10,}={0,2})?(?![\w-])/g;

function jwts(text: string, out: DetectorMatch[]): void {
  JWT.lastIndex = 0;
  for (let m = JWT.exec(text); m !== null; m = JWT.exec(text)) {
    if (shannonEntropy(m[0]) < 3) continue;
    push(out, 'jwt', m.index, m.index + m[0].length, 0.9);
  }
}

// --- connection strings and URLs with passwords -------------------------------------------------
const DB_SCHEMES = 'postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|redis|rediss|amqps?|mssql|sqlserver|jdbc:[a-z0-9]+|clickhouse|cockroachdb|neo4j(?:\\+s)?|couchdb|cassandra|memcached|oracle|db2|snowflake|kafka|nats|mqtt';
const URL_CREDENTIALS = new RegExp(`(?<![A-Za-z0-9+.-])((?:${DB_SCHEMES})|[a-z][a-z0-9+.-]{1,20}):\\/\\/[^\\s:@/?#'"<>\\\\]{0,128}:([^\\s@/?#'"<>\\\\]{1,256})@[A-Za-z0-9.\\-\\[\\]:%]{1,255}`, 'gi');
const DB = new RegExp(`^(?:${DB_SCHEMES})$`, 'i');

function connectionStrings(text: string, out: DetectorMatch[]): void {
  if (text.indexOf('://') === -1) return;
  URL_CREDENTIALS.lastIndex = 0;
  for (let m = URL_CREDENTIALS.exec(text); m !== null; m = URL_CREDENTIALS.exec(text)) {
    const password = m[2] as string;
    if (isPlaceholder(password) || /^(?:password|pass|pwd|secret|changeme|test|example|\$\w+|\$\{[^}]*\}|\*+)$/i.test(password)) continue;
    const start = m.index + m[0].indexOf(`:${password}@`) + 1;
    const db = DB.test(m[1] as string);
    push(out, db ? 'database-connection-string' : 'url-basic-auth', start, start + password.length, db ? 0.9 : 0.8);
  }
}

// --- HTTP auth headers (curl -H, raw requests, logs) --------------------------------------------
const HEADER = /(?<![\w-])(?:authorization|proxy-authorization|(?:x-(?:[a-z]+-){0,2})?(?:api-?key|api-?token|auth-?token|access-?token|apikey)|token)["']?[ \t]*:[ \t]*(?:(basic)[ \t]+([A-Za-z0-9+/]{8,}={0,3})|(?:bearer|token|api-token|digest|ssws)[ \t]+([\w=~@.+/-]{8,})|([\w=~@.+/-]{8,}))(?=[\s"'`,;\\]|$)/gi;

function authHeaders(text: string, out: DetectorMatch[]): void {
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null; m = HEADER.exec(text)) {
    const value = (m[2] ?? m[3] ?? m[4]) as string;
    if (isPlaceholder(value) || /^(?:bearer|basic|token|digest)$/i.test(value)) continue;
    if (m[4] !== undefined && /^(?:bearer|basic|token|digest|negotiate|ntlm)$/i.test(value)) continue;
    if (shannonEntropy(value) < 2.75) continue;
    const end = m.index + m[0].length;
    push(out, 'http-auth-header', end - value.length, end, 0.85);
  }
}

// --- curl -u / --user ---------------------------------------------------------------------------
const CURL_USER = /(?<![\w-])(?:-u|--user)(?:=|[ \t]{1,5})(?:"([^"\n]{1,256})"(?::"([^"\n]{1,256})")?|'([^'\n]{1,256})'|([^\s"']{3,256}))/g;
const NOT_A_PASSWORD = /^(?:change(?:it|me)|pass(?:word)?|pwd|test|token|secret|x+|y+|\*+|\.+)$/i;

function curlUsers(text: string, out: DetectorMatch[]): void {
  if (!/curl/i.test(text)) return;
  CURL_USER.lastIndex = 0;
  for (let m = CURL_USER.exec(text); m !== null; m = CURL_USER.exec(text)) {
    let password: string;
    if (m[2] !== undefined) password = m[2];
    else {
      const cred = (m[1] ?? m[3] ?? m[4]) as string;
      const colon = cred.indexOf(':');
      if (colon === -1) continue;
      password = cred.slice(colon + 1);
    }
    const bare = password.replace(/^[{]+|[}]+$/g, '');
    if (bare.length < 3 || NOT_A_PASSWORD.test(bare) || isPlaceholder(bare)) continue;
    if (/\$\(|\$\{|\{\{|^\$\w+$|^<.*>$|^\[.*\]$/.test(bare) || /\$\(|\$\{|\{\{|<[^>]*>|\[[^\]]*\]/.test(m[0])) continue;
    if (shannonEntropy(bare) < 2) continue;
    const start = m.index + m[0].lastIndexOf(password);
    push(out, 'curl-auth-user', start, start + password.length, 0.85);
  }
}

// --- Kubernetes Secret manifests ----------------------------------------------------------------
const K8S_KIND = /(?<![\w-])kind:[ \t]*["']?secret["']?[ \t]*(?:\r?\n|$)/i;
const K8S_DATA = /(?:^|\n)([ \t]*)data:[ \t]*\r?\n/g;
const K8S_VALUE = /^([ \t]+)[\w.-]+:[ \t]*(?:[|>][-+]?[ \t]*\r?\n[ \t]+)?["']?([A-Za-z0-9+/]{10,}={0,3})["']?[ \t]*$/;

function kubernetesSecrets(text: string, out: DetectorMatch[]): void {
  // Each YAML document on its own: the Secret kind and its data block must be in the same one.
  let offset = 0;
  for (const doc of text.split(/\n---[^\n]*(?=\n|$)/)) {
    if (K8S_KIND.test(doc)) dataValues(doc, offset, out);
    offset += doc.length + 4;
  }
}

function dataValues(doc: string, offset: number, out: DetectorMatch[]): void {
  K8S_DATA.lastIndex = 0;
  for (let d = K8S_DATA.exec(doc); d !== null; d = K8S_DATA.exec(doc)) {
    const indent = (d[1] as string).length;
    let at = d.index + d[0].length;
    // Lines of the data block are indented deeper than "data:".
    while (at < doc.length) {
      const nl = doc.indexOf('\n', at);
      let end = nl === -1 ? doc.length : nl;
      let line = doc.slice(at, end);
      const lead = /^[ \t]*/.exec(line)?.[0].length ?? 0;
      if (line.trim() !== '' && !line.trim().startsWith('#') && lead <= indent) break;
      // A block scalar continues on the next line.
      if (/:[ \t]*[|>][-+]?[ \t]*$/.test(line) && nl !== -1) {
        const next = doc.indexOf('\n', nl + 1);
        end = next === -1 ? doc.length : next;
        line = doc.slice(at, end);
      }
      const m = K8S_VALUE.exec(line);
      if (m !== null && (m[1] as string).length > indent) {
        const value = m[2] as string;
        const start = offset + at + line.lastIndexOf(value);
        push(out, 'kubernetes-secret-yaml', start, start + value.length, 0.85);
      }
      at = end + 1;
    }
  }
}

// --- NuGet.config and PHP config secrets ------------------------------------------------------
const NUGET = /<add key=["'](?:ClearText)?Password["']\s*value=["']([^"'\n]{8,256})["']\s*\/>/gi;
const FREEMIUS = /["']secret_key["']\s*=>\s*["'](sk_\S{29})["']/gi;

function configValues(re: RegExp, id: string, text: string, out: DetectorMatch[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const value = m[1] as string;
    if (/^%\S.*%$/.test(value) || isPlaceholder(value)) continue;
    const start = m.index + m[0].indexOf(value);
    push(out, id, start, start + value.length, 0.85);
  }
}

/** The special rules, each gated by its prefilter keywords. */
export const SPECIAL_RULES: readonly SpecialRule[] = Object.freeze([
  { id: 'private-key', description: 'PEM, PKCS#8, OpenSSH, EC, DSA or PGP private key block', reference: 'https://www.rfc-editor.org/rfc/rfc7468', keywords: ['-----begin'], find: privateKeys },
  { id: 'jwt', description: 'JSON Web Token (signed or unsigned)', reference: 'https://www.rfc-editor.org/rfc/rfc7519', keywords: ['ey'], find: jwts },
  { id: 'database-connection-string', description: 'Database or broker connection string with a password (and other URLs with user:password@)', reference: 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1', keywords: ['://'], find: connectionStrings },
  { id: 'http-auth-header', description: 'Credential in an HTTP Authorization or API-key header', reference: 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.2', keywords: ['authorization', 'api-key', 'apikey', 'api-token', 'auth-token', 'access-token', 'token'], find: authHeaders },
  { id: 'curl-auth-user', description: 'Password passed to curl with -u / --user', reference: 'https://curl.se/docs/manpage.html#-u', keywords: ['curl'], find: curlUsers },
  { id: 'kubernetes-secret-yaml', description: 'Data values of a Kubernetes Secret manifest', reference: 'https://kubernetes.io/docs/concepts/configuration/secret/', keywords: ['secret'], find: kubernetesSecrets },
  { id: 'nuget-config-password', description: 'Cleartext password in a NuGet.config package source', reference: 'https://learn.microsoft.com/nuget/reference/nuget-config-file#packagesourcecredentials', keywords: ['<add key='], find: (t, o) => configValues(NUGET, 'nuget-config-password', t, o) },
  { id: 'freemius-secret-key', description: 'Freemius SDK secret key in PHP configuration', reference: 'https://freemius.com/help/documentation/', keywords: ['secret_key'], find: (t, o) => configValues(FREEMIUS, 'freemius-secret-key', t, o) },
]);
