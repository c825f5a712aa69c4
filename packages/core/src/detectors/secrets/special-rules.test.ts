import { describe, expect, it } from 'vitest';
import { seeded } from './fixtures.js';
import { secretsDetector } from './secrets-detector.js';

const random = seeded(7);
const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join('');
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const b64url = (s: string) => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

// Fake key material, built at run time (nothing in the source looks like a key).
const pemBody = Array.from({ length: 6 }, () => pick(B64, 64)).join('\n');
const begin = (label: string) => `-----BEGIN ${label}-----`;
const end = (label: string) => `-----END ${label}-----`;
const jwt = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"user-1","name":"Test User","iat":1700000000}')}.${pick(AN, 43)}`;
const password = `${pick(AN, 14)}!`;

const cases: { title: string; text: string; kind: string | null }[] = [
  { title: 'an RSA private key block', text: `${begin('RSA PRIVATE KEY')}\n${pemBody}\n${end('RSA PRIVATE KEY')}`, kind: 'secret.private-key' },
  { title: 'an OpenSSH private key block', text: `key:\n${begin('OPENSSH PRIVATE KEY')}\n${pemBody}\n${end('OPENSSH PRIVATE KEY')}`, kind: 'secret.private-key' },
  { title: 'a PGP private key block', text: `${begin('PGP PRIVATE KEY BLOCK')}\n\n${pemBody}\n${end('PGP PRIVATE KEY BLOCK')}`, kind: 'secret.private-key' },
  { title: 'a private key in JSON with escaped newlines (service-account files)', text: `{"type": "service_account", "private_key": "${begin('PRIVATE KEY')}\\n${pemBody.replace(/\n/g, '\\n')}\\n${end('PRIVATE KEY')}\\n"}`, kind: 'secret.private-key' },
  { title: 'a private key cut off before its END line (pasted into a chat)', text: `here it is ${begin('EC PRIVATE KEY')}\n${pemBody}`, kind: 'secret.private-key' },
  { title: 'a key header with no material', text: `${begin('PRIVATE KEY')}\nanything\n${end('PRIVATE KEY')}`, kind: null },
  { title: 'a public key', text: `${begin('PUBLIC KEY')}\n${pemBody}\n${end('PUBLIC KEY')}`, kind: null },
  { title: 'a JWT in a bearer header', text: `Authorization: Bearer ${jwt}`, kind: 'secret.jwt' },
  { title: 'an unsigned JWT', text: `token = "${jwt.slice(0, jwt.lastIndexOf('.') + 1)}"`, kind: 'secret.jwt' },
  { title: 'a Postgres URL with a password', text: `DATABASE_URL=postgres://app:${password}@db.internal:5432/app`, kind: 'secret.database-connection-string' },
  { title: 'a MongoDB SRV URL with a password', text: `mongodb+srv://svc:${password}@cluster0.example.net/db?retryWrites=true`, kind: 'secret.database-connection-string' },
  { title: 'an HTTPS URL with basic auth', text: `git clone https://deploy:${password}@git.example.com/repo.git`, kind: 'secret.url-basic-auth' },
  { title: 'a connection string with a placeholder password', text: 'postgres://app:${DB_PASSWORD}@db.internal/app', kind: null },
  { title: 'a connection string with a masked password', text: 'redis://default:****@cache.internal:6379', kind: null },
  { title: 'a Redis URL with a password and no user name', text: `CELERY_BROKER_URL=rediss://:${password}@cache.internal:6380/0`, kind: 'secret.database-connection-string' },
  { title: 'a throwaway test database URL', text: 'const url = "postgres://test:test@localhost:5432/test";', kind: null },
  { title: 'an Okta SSWS authorization header', text: `curl -H "Authorization: SSWS 00${pick(AN, 40)}" https://example.okta.com/api/v1/users`, kind: 'secret.http-auth-header' },
  { title: 'a bearer token that holds "My" after a digit (not a placeholder)', text: `curl -H "Authorization: Bearer 9My${pick(AN, 20)}_${pick(AN, 16)}" https://api.example.com`, kind: 'secret.http-auth-header' },
  { title: 'an API key header in a curl command', text: `curl -H "X-Api-Key: ${pick(AN, 32)}" https://api.example.com`, kind: 'secret.http-auth-header' },
  { title: 'a Basic authorization header', text: `Authorization: Basic ${btoa(`svc:${password}`)}`, kind: 'secret.http-auth-header' },
  { title: 'an authorization header with a template', text: 'curl -H "Authorization: Bearer <YOUR_TOKEN>" https://api.example.com', kind: null },
  { title: 'curl -u with a password', text: `curl -u "svc:${password}" https://api.example.com`, kind: 'secret.curl-auth-user' },
  { title: 'curl -u with variables', text: 'curl -u "${USER}:${PASS}" https://api.example.com', kind: null },
  { title: 'curl -u with a placeholder', text: 'curl --user user:password https://api.example.com', kind: null },
  { title: 'a Kubernetes Secret data value', text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${btoa(password)}\n`, kind: 'secret.kubernetes-secret-yaml' },
  { title: 'a Kubernetes Secret with empty data', text: "apiVersion: v1\nkind: Secret\ndata:\n  password: ''\n", kind: null },
  { title: 'a ConfigMap with the same data shape', text: `apiVersion: v1\nkind: ConfigMap\ndata:\n  greeting: ${btoa('hello world, configs')}\n`, kind: null },
  { title: 'a NuGet.config cleartext password', text: `<add key="ClearTextPassword" value="${password}" />`, kind: 'secret.nuget-config-password' },
  { title: 'a NuGet.config password from the environment', text: '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />', kind: null },
  { title: 'a Freemius secret key in PHP', text: `'secret_key' => 'sk_${pick(AN, 29)}',`, kind: 'secret.freemius-secret-key' },
];

describe('special rules', () => {
  const detector = secretsDetector({ generic: false });
  it.each(cases)('$title', ({ text, kind }) => {
    const kinds = detector.detect(text).map((m) => m.kind);
    if (kind === null) expect(kinds.filter((k) => /private-key|jwt|connection|basic-auth|auth-header|curl|kubernetes|nuget|freemius/.test(k))).toEqual([]);
    else expect(kinds).toContain(kind);
  });

  it('reports the password of a connection string, not the whole URL', () => {
    const text = `postgres://app:${password}@db.internal:5432/app`;
    const [m] = detector.detect(text);
    expect(text.slice(m!.start, m!.end)).toBe(password);
  });
});
