/**
 * One credential format: a data row. Adding a provider is a row here plus a fixture row in
 * `catalogue.fixtures.ts`.
 *
 * A rule is either *prefixed* (`pattern`: a distinctive token found anywhere, such as `ghp_...`)
 * or *keyed* (`value`: a format with no distinctive prefix, reported only when it is assigned to
 * a key that names the provider, as in `ADAFRUIT_TOKEN=...`).
 */
export interface SecretRule {
  /** Kebab-case id; findings report the kind `secret.<id>`. */
  readonly id: string;
  readonly description: string;
  /** Where the format is documented (provider docs; gitleaks' rule for formats they do not publish). */
  readonly reference: string;
  /**
   * Lower-case literals for the prefilter: the rule runs only when one occurs in the text. For
   * keyed rules they are also what the assignment key must contain.
   */
  readonly keywords: readonly string[];
  /** Prefixed rules: the whole token (lookarounds, no capture groups needed). */
  readonly pattern?: RegExp;
  /** Keyed rules: the value format, anchored at the start of the assigned value. */
  readonly value?: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly entropy?: number;
  /** Extra check on the secret's text (e.g. not an AWS documentation example). */
  readonly validate?: (secret: string) => boolean;
}

/** A prefixed rule row. */
export function prefixed(
  id: string,
  description: string,
  reference: string,
  keywords: readonly string[],
  pattern: RegExp,
  extra: { entropy?: number; validate?: (secret: string) => boolean } = {},
): SecretRule {
  return Object.freeze({ id, description, reference, keywords: Object.freeze([...keywords]), pattern, ...extra });
}

/** A keyed rule row: `value` must follow an assignment whose key contains one of `keywords`. */
export function keyed(
  id: string,
  description: string,
  reference: string,
  keywords: readonly string[],
  value: RegExp,
  extra: { entropy?: number; validate?: (secret: string) => boolean } = {},
): SecretRule {
  return Object.freeze({ id, description, reference, keywords: Object.freeze([...keywords]), value, ...extra });
}
