import { z } from 'zod';
import { LlmGuardConfigError } from '../errors.js';
import { type Secret, secret } from './secret.js';

/**
 * Ready-made formats for common credentials, as zod schemas (used by `loadSecrets`).
 * They check the shape only, never call the provider.
 */
export const secretFormats = Object.freeze({
  openaiApiKey: z.string().regex(/^sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,300}$/, 'expected an OpenAI key (sk-... or sk-proj-...)'),
  anthropicApiKey: z.string().regex(/^sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{80,120}$/, 'expected an Anthropic key (sk-ant-api03-...)'),
  githubToken: z.string().regex(/^(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{82})$/, 'expected a GitHub token (ghp_..., github_pat_...)'),
  awsAccessKeyId: z.string().regex(/^(?:AKIA|ASIA)[A-Z2-7]{16}$/, 'expected an AWS access key id (AKIA...)'),
  redisUrl: z.string().regex(/^rediss?:\/\/\S+$/, 'expected a redis:// or rediss:// URL'),
  nonEmpty: z.string().min(1, 'expected a non-empty value'),
});

/** A schema per environment variable; `.optional()` ones may be absent. */
export type SecretSchema = Record<string, z.ZodType<string | undefined>>;

export type LoadedSecrets<S extends SecretSchema> = {
  [K in keyof S]: undefined extends z.output<S[K]> ? Secret<string> | undefined : Secret<string>;
};

export interface LoadSecretsOptions {
  /** Where to read from (default `globalThis.process?.env`). */
  env?: Record<string, string | undefined>;
}

/**
 * Read environment variables into `Secret`s, validating each with its zod schema. On failure it
 * throws one `LlmGuardConfigError` listing every bad variable by name and what was expected,
 * never the value (not even a prefix).
 * @example
 * const secrets = loadSecrets({ OPENAI_API_KEY: secretFormats.openaiApiKey, REDIS_URL: secretFormats.redisUrl.optional() });
 * secrets.OPENAI_API_KEY.reveal();
 */
export function loadSecrets<S extends SecretSchema>(schema: S, options: LoadSecretsOptions = {}): LoadedSecrets<S> {
  const env = options.env ?? ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {});
  const problems: string[] = [];
  const out: Record<string, Secret<string> | undefined> = {};
  for (const [name, check] of Object.entries(schema)) {
    const raw = env[name];
    const parsed = check.safeParse(raw === '' ? undefined : raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const what = raw === undefined || raw === '' ? 'is not set' : `has the wrong format (${issue?.message ?? 'invalid'})`;
      problems.push(`${name} ${what}`);
      continue;
    }
    out[name] = parsed.data === undefined ? undefined : secret(parsed.data);
  }
  if (problems.length > 0) {
    throw new LlmGuardConfigError(`Invalid secrets in the environment:\n- ${problems.join('\n- ')}\nFix: set each variable to a value of the expected format (values are never printed).`);
  }
  return out as LoadedSecrets<S>;
}
