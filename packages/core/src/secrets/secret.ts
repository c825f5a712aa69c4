const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const BRAND = Symbol.for('llmguard.secret');
const values = new WeakMap<object, unknown>();

/**
 * A value that prints as a mask: `toString()`, template literals, `JSON.stringify`,
 * `console.log` / `util.inspect` and string concatenation all show `[secret]` (or the
 * configured mask); only `reveal()` returns the value. The value lives in a WeakMap, not on
 * the object, so enumerating or spreading the object finds nothing either.
 */
export interface Secret<T = string> {
  /** The value. Call it where the secret is used (an Authorization header), never to log it. */
  reveal(): T;
  toString(): string;
  toJSON(): string;
  readonly [Symbol.toStringTag]: string;
}

class SecretValue<T> implements Secret<T> {
  readonly #mask: string;
  constructor(value: T, maskText: string) {
    values.set(this, value);
    this.#mask = maskText;
    Object.defineProperty(this, BRAND, { value: true });
    Object.freeze(this);
  }
  reveal(): T {
    return values.get(this) as T;
  }
  toString(): string {
    return this.#mask;
  }
  toJSON(): string {
    return this.#mask;
  }
  valueOf(): string {
    return this.#mask;
  }
  [Symbol.toPrimitive](): string {
    return this.#mask;
  }
  get [Symbol.toStringTag](): string {
    return 'Secret';
  }
  [INSPECT](): string {
    return this.#mask;
  }
}

export interface SecretOptions {
  /** What the secret prints as (default `[secret]`). */
  mask?: string;
}

/**
 * Wrap a value so it cannot be logged, serialised or printed by accident.
 * @example
 * const key = secret(process.env.OPENAI_API_KEY ?? '');
 * console.log({ key }); // { key: [secret] }
 * fetch(url, { headers: { authorization: `Bearer ${key.reveal()}` } });
 */
export function secret<T = string>(value: T, options: SecretOptions = {}): Secret<T> {
  return new SecretValue(value, options.mask ?? '[secret]');
}

/** True for values made with `secret()`. */
export function isSecret(value: unknown): value is Secret<unknown> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
