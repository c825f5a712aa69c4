import weightsFile from './model-weights.json';

/**
 * The learned part of the detector: a logistic-regression model over hashed words, word bigrams and stems
 * of the canonical text (features.ts), trained by scripts/train-injection.mjs
 * on top of the technique signals (their logit is a fixed offset during training, so the model
 * learns what the signals miss). Weights are int8 with one scale, base64 in model-weights.json.
 */
export interface InjectionModel {
  readonly weights: Int8Array;
  /** Multiplies the int8 weight sum. */
  readonly scale: number;
  /** Intercept of the combined logit for texts whose words the model knows. */
  readonly intercept: number;
  /** Intercept for texts whose words the model never saw (weighted by the share of unknown features). */
  readonly prior: number;
  /** The intercept part of the logit is at most this (below the threshold): evidence, not the base rate, flags a text. */
  readonly interceptCap: number;
  /** Cross-validated calibration: subtracted from the logit so that `balanced` blocks at score 0.5. */
  readonly threshold: number;
  /** Multiplies the technique-signal logit in the combined logit. */
  readonly ruleScale: number;
  /**
   * Bounds of the model's share of the logit: filler text can lower a score by at most `-min`,
   * so padding cannot hide strong technique signals.
   */
  readonly min: number;
  readonly max: number;
  /** The model's sum is divided by sqrt(max(features, minFeatures)): short texts are little evidence. */
  readonly minFeatures: number;
}

interface WeightsFile {
  version: number;
  featureBits: number;
  scale: number;
  intercept: number;
  prior?: number;
  interceptCap?: number;
  threshold?: number;
  ruleScale?: number;
  minFeatures?: number;
  modelMin?: number;
  modelMax?: number;
  weights: string;
}

let cached: InjectionModel | undefined;

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The bundled model, decoded once on first use (~0.4 MB of base64).
 * @example
 * const model = loadInjectionModel(); model.weights.length // 262144
 */
export function loadInjectionModel(): InjectionModel {
  if (cached !== undefined) return cached;
  const file = weightsFile as unknown as WeightsFile;
  const size = 1 << file.featureBits;
  const weights = new Int8Array(size);
  if (file.weights.length > 0) {
    const bytes = decodeBase64(file.weights);
    weights.set(new Int8Array(bytes.buffer, bytes.byteOffset, Math.min(size, bytes.length)));
  }
  cached = Object.freeze({
    weights,
    scale: file.scale,
    intercept: file.intercept,
    prior: file.prior ?? -3,
    interceptCap: file.interceptCap ?? Number.POSITIVE_INFINITY,
    threshold: file.threshold ?? 0,
    ruleScale: file.ruleScale ?? 1,
    min: file.modelMin ?? -5,
    max: file.modelMax ?? 8,
    minFeatures: file.minFeatures ?? 1,
  });
  return cached;
}
