import { describe, expect, it } from 'vitest';
import { seeded } from './fixtures.js';
import { shannonEntropy } from './entropy.js';
import { genericSecretScore, passwordKey, secretKey } from './generic-secret.js';
import { secretsDetector } from './secrets-detector.js';

const random = seeded(11);
const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const mixedHex = Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(random() * 16)]!).join('').replace(/[a-f]/, (c) => c.toUpperCase()).replace(/([a-f])(?!.*[a-f])/, '$1');
const token = (n: number) => Array.from({ length: n }, () => AN[Math.floor(random() * AN.length)]).join('');

describe('secretKey()', () => {
  it.each(['API_KEY', 'apiKey', 'client_secret', 'AUTH_TOKEN', 'db_password', 'x-api-key', 'String apiToken', 'private_key', 'PASSPHRASE', 'credentials'])('%s names a credential', (key) => {
    expect(secretKey(key)).toBe(true);
  });
  it.each(['api_key_id', 'tokenUrl', 'secret_name', 'keyboard', 'max_tokens', 'public_key', 'access_token_type', 'password_policy', 'author', 'csrf_token', 'bucket_key', 'monkey', 'keyVaultToStoreSecrets'])('%s does not', (key) => {
    expect(secretKey(key)).toBe(false);
  });
  it('knows password keys', () => {
    expect(passwordKey('DB_PASSWORD')).toBe(true);
    expect(passwordKey('pwd')).toBe(true);
    expect(passwordKey('token')).toBe(false);
  });
});

describe('genericSecretScore()', () => {
  it('scores random-looking tokens and complex passwords', () => {
    expect(genericSecretScore('api_key', token(32))).toBeGreaterThanOrEqual(0.7);
    expect(genericSecretScore('password', 'Blue-Harbor-71x')).toBeGreaterThanOrEqual(0.7);
  });
  it('reads hex keys against the hex alphabet (a random 32-digit hex key often has under 3.5 bits per character)', () => {
    // Built at run time (no key-shaped literal in the repository), from eleven of the sixteen digits.
    const hex = Array.from({ length: 32 }, () => '02468ace135'[Math.floor(random() * 11)]).join('');
    expect(shannonEntropy(hex)).toBeLessThan(3.5);
    expect(shannonEntropy(hex)).toBeGreaterThanOrEqual(3.2);
    expect(genericSecretScore('api_key', hex)).toBeGreaterThanOrEqual(0.7);
    expect(genericSecretScore('api_key', `${hex.slice(0, 16)}G${hex.slice(17)}`)).toBe(0);
    expect(genericSecretScore('api_key', 'aaaabbbb11112222aaaabbbb11112222')).toBe(0);
  });
  it.each([
    ['a template', 'api_key', '${API_KEY}'],
    ['a placeholder', 'api_key', 'your-api-key-here'],
    ['a mask', 'token', 'xxxxxxxxxxxxxxxxxxxx'],
    ['an environment lookup', 'secret', 'process.env.SECRET'],
    ['a path', 'key', '/etc/ssl/private/server.key'],
    ['a version', 'token', 'jjwt-api-0.11.5'],
    ['a hand-typed sequence', 'api_key', 'abcdefghijklmnop1234'],
    ['a short lowercase word run', 'token', 'refreshtoken'],
    ['a password that says password', 'password', 'MyPassword123'],
    ['a trivial password', 'password', 'changeme'],
    ['a number', 'key', '4820193746501'],
    ['mixed-case hex (hand-edited)', 'api_key', mixedHex],
  ])('is 0 for %s', (_title, key, value) => {
    expect(genericSecretScore(key, value)).toBe(0);
  });
});

describe('the generic detector in context', () => {
  const detector = secretsDetector();
  const value = token(32);
  it.each([
    ['an env file', `SERVICE_API_KEY=${value}`],
    ['YAML', `service:\n  api_key: "${value}"`],
    ['JSON', `{"apiKey": "${value}"}`],
    ['a Go declaration', `var serviceToken string = "${value}"`],
    ['Java', `String serviceSecret = "${value}";`],
    ['XML element content', `<serviceToken>\n    ${value}\n</serviceToken>`],
    ['a CLI flag', `tool login --token ${value}`],
    ['a setProperty call', `System.setProperty("SERVICE_TOKEN", "${value}")`],
    ['a Node environment assignment', `process.env.SERVICE_TOKEN = "${value}";`],
    ['prose', `my api key is ${value}`],
    ['a Postman key/value pair', `{"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "${value}", "type": "string"}]}}`],
    ['a Kubernetes env entry', `env:\n  - name: SERVICE_API_TOKEN\n    value: "${value}"`],
    ['a setProperty call with escaped quotes', `setProperty(\\"SERVICE_TOKEN\\", \\"${value}\\")`],
    ['a notebook cell (escaped quotes in JSON)', `"source": ["import os\\n", "os.environ[\\"SERVICE_API_TOKEN\\"] = \\"${value}\\"\\n"]`],
  ])('finds a credential in %s, covering the value only', (_title, text) => {
    const found = detector.detect(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toContain(value);
  });

  it('finds a password in prose', () => {
    const text = 'the wifi password is Tr0ub4dor&3x for guests';
    expect(detector.detect(text).map((m) => m.kind)).toContain('secret.password');
    const bare = 'log in as ops@example.org / password Harbor7Lantern for the staging admin';
    expect(detector.detect(bare).map((m) => bare.slice(m.start, m.end))).toContain('Harbor7Lantern');
  });

  it('takes a word after "password" for one only when it is a strong password', () => {
    for (const text of ['open the password manager and search', 'the password Reset link expired', 'send me the password tomorrow 9am']) {
      expect(detector.detect(text)).toEqual([]);
    }
  });

  it('leaves a Rails form authenticity token alone', () => {
    expect(detector.detect(`<input type="hidden" name="authenticity_token" value="${token(40)}-${token(20)}" />`)).toEqual([]);
  });

  it('leaves the example keys of the AWS documentation alone', () => {
    expect(detector.detect('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual([]);
  });

  it('does not read a comma-separated list as an assignment', () => {
    expect(detector.detect(`import { api_key_a, ${token(20)} } from './keys';`)).toEqual([]);
  });
});
