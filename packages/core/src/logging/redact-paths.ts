/** Header names that carry credentials; their values are replaced in logs whatever the logger. */
export const SENSITIVE_HEADERS: readonly string[] = Object.freeze([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token',
  'x-amz-security-token', 'x-goog-api-key', 'anthropic-api-key', 'openai-api-key', 'x-csrf-token', 'x-xsrf-token',
]);

/** Body fields that hold prompts, answers or credentials in the supported formats. */
export const SENSITIVE_BODY_FIELDS: readonly string[] = Object.freeze([
  'messages', 'prompt', 'input', 'instructions', 'system', 'content', 'choices', 'output', 'password', 'apiKey', 'api_key', 'token', 'secret', 'access_token', 'refresh_token', 'client_secret',
]);

export interface RedactPathsOptions {
  /** Redact credential headers of `req`, `res`, `request`, `response` and top-level `headers` (default true). */
  headers?: boolean;
  /** Redact prompt/answer/credential fields of request and response bodies (default true). */
  bodies?: boolean;
  /** More pino paths to redact. */
  extra?: readonly string[];
}

/**
 * Paths for pino's `redact` option (fast-redact syntax): credential headers and the body fields
 * that hold prompts, answers and keys, under the objects HTTP loggers use (`req`, `res`,
 * `request`, `response`, `headers`, `body`).
 * @example
 * pino({ redact: { paths: redactPaths(), censor: '[REDACTED]' } })
 */
export function redactPaths(options: RedactPathsOptions = {}): string[] {
  const paths: string[] = [];
  const holders = ['req', 'res', 'request', 'response'];
  if (options.headers !== false) {
    for (const h of SENSITIVE_HEADERS) {
      paths.push(`headers["${h}"]`);
      for (const holder of holders) paths.push(`${holder}.headers["${h}"]`);
    }
  }
  if (options.bodies !== false) {
    for (const f of SENSITIVE_BODY_FIELDS) {
      paths.push(`body.${f}`);
      for (const holder of holders) paths.push(`${holder}.body.${f}`);
    }
  }
  paths.push(...(options.extra ?? []));
  return [...new Set(paths)];
}
