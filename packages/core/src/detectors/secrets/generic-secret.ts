import { isPlaceholder, longestSequence, shannonEntropy } from './entropy.js';

/** Key words that say a value is a credential (gitleaks' generic rule keywords, plus passwords). */
export const GENERIC_KEYWORDS: readonly string[] = Object.freeze([
  'secret', 'token', 'passw', 'pwd', 'passphrase', 'passcode', 'credential', 'creds', 'auth', 'apikey', 'api_key', 'api-key', 'key',
]);

const PASSWORD_KEY = /pass(?:w(?:or)?d|phrase|code)?(?![a-z])|pwd|passwd/i;
// Substrings of keys that name a credential.
const SECRET_PART = /secret|token|passw|pwd|passphrase|passcode|credential|creds|auth|apikey|accesskey|privatekey|signing|bearer/;
// Key words (after splitting camelCase and separators) that name something about a credential
// rather than the credential itself (gitleaks' generic allowlist, extended).
const NOT_SECRET_WORDS = new Set(
  ('id ids name names url uri urls endpoint host path file dir version type size length len count format mode enabled enable expires expire ' +
    'expiry expiration timeout ttl header prefix field label env ref hint policy algorithm alg scope scopes usage limit max min index hash digest ' +
    'fingerprint public pub primary foreign sort partition cache bucket schema sequence hot idx natural vault store tokens type placeholder ' +
    'reset confirm strength length forgot show hidden visible regex pattern validation rule rules').split(' '),
);
// Substrings that mark a non-secret key whatever the word split.
const NOT_SECRET_PART =
  /accessor|accessib|author(?!iz)|authority|authenticity|authentication-results|csrf|xsrf|idempot|keyboard|keyword|keyframe|keystore|keytab|keyring|keypair|keymap|keycode|keystroke|monkey|donkey|turkey|jockey|hockey|tokeniz|withcredentials|secretref|secretsmanager|usersecretsid|passwordless|keyvaulttostoresecrets/;

/** The words of a key: `AWS_SECRET_ACCESS_KEY`, `apiKeyId`, `x-api-key` -> lower-case words. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** True when the assignment key names a credential. */
export function secretKey(dotted: string): boolean {
  // A property path names its last part: `process.env.SERVICE_TOKEN`, `config.db.password`.
  const key = dotted.includes('.') ? dotted.slice(dotted.lastIndexOf('.') + 1) : dotted;
  const lower = key.toLowerCase();
  if (NOT_SECRET_PART.test(lower)) return false;
  const words = keyWords(key);
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  if (SECRET_PART.test(lower.replace(/[_.\s-]/g, ''))) return true;
  // "key" on its own ("key", "apiKey", "private_key", "ACCESS_KEY"), or "access" with a credential word.
  return words[words.length - 1] === 'key' || (words.includes('api') && words.includes('key'));
}

/** True when the key names a password (passwords are judged by complexity, not randomness). */
export function passwordKey(key: string): boolean {
  return PASSWORD_KEY.test(key);
}

// Words that show a value is prose, code or configuration rather than a random secret.
const STOP_WORDS = /(?:example|sample|password|passwd|secret|token|changeme|placeholder|redacted|dummy|insert|replace|your|default|undefined|null|none|true|false|string|value|config|localhost|test123|qwerty|letmein|admin123|welcome|foobar|lorem|ipsum)/i;
// Identifiers and references: process.env.X, var.db_password, config.secret, settings[KEY].
const IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|^(?:env|process|os|settings|config|vars?|secrets|params?)\b/i;
const FILE_OR_URL = /^(?:\/|~\/|\.\.?\/|[a-z][a-z0-9+.-]*:\/\/|[A-Za-z]:\\)|\.(?:pem|key|crt|cer|p12|pfx|json|ya?ml|txt|env|properties|xml|jks|keystore|conf|cfg|ini|toml|js|ts|py|rb|go|java|html|png|jpe?g|gif|svg)$/i;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/;
// Artifact names with a version: lib-name-1.2.3, Report-2.1.
const VERSION_SUFFIX = /[-_.]v?\d+\.\d+(?:\.\d+)*$/;

// A generic value: the run of token characters after the operator (no quotes, separators or escapes).
export const GENERIC_VALUE = /[^\s'"`;,<>(){}[\]\\|=:&]{1,1024}={0,3}/y;

function classes(value: string): number {
  return (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/\d/.test(value) ? 1 : 0) + (/[^A-Za-z0-9]/.test(value) ? 1 : 0);
}

/**
 * Score a value assigned to a credential key: 0 when it is not a secret (placeholder, reference,
 * path, prose, low entropy), otherwise a confidence for a `secret.generic` finding.
 */
export function genericSecretScore(key: string, value: string): number {
  if (isPlaceholder(value) || IDENTIFIER.test(value) || FILE_OR_URL.test(value) || VERSION.test(value) || VERSION_SUFFIX.test(value)) return 0;
  if (/^\d+$/.test(value) || /^[A-Za-z_.-]+$/.test(value) && !passwordKey(key)) return 0;
  const entropy = shannonEntropy(value);
  if (passwordKey(key)) {
    // Passwords: human-chosen, so complexity rather than randomness.
    if (value.length < 8 || STOP_WORDS.test(value) || longestSequence(value) >= 5) return 0;
    if (classes(value) < 2 || entropy < 2.5) return 0;
    return 0.75;
  }
  if (value.length < 10 || longestSequence(value) >= 6) return 0;
  // Generated hex is in one case; mixed-case hex is hand-edited text, not key material.
  if (/^[0-9a-fA-F]+$/.test(value) && /[a-f]/.test(value) && /[A-F]/.test(value)) return 0;
  // Short values need three character classes (upper, lower, digits) to read as random.
  if (value.length < 20 && classes(value) < 3) return 0;
  if (STOP_WORDS.test(value) && entropy < 4.5) return 0;
  // Hex has 16 symbols: a random 32-digit hex key reads about 3.7 bits, often 3.4, where other
  // random keys read above 4.
  const hex = /^[0-9a-f]+$/i.test(value);
  const needed = hex ? 3.2 : value.length >= 20 ? 3.5 : 3.2;
  if (entropy < needed || classes(value) < 2) return 0;
  return entropy >= 4 ? 0.8 : 0.7;
}
