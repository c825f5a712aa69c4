/**
 * Operating points of the prompt-injection detector. The combined logit is calibrated by the
 * training script so that `balanced` blocks at score 0.5; the other presets move along the same
 * curve. Numbers measured on the held-back validation split are in
 * packages/core/src/detectors/injection/README.md and bench/QUALITY.md.
 *
 * - `strict`: for agents with tools and untrusted documents; more false positives (~4% of benign
 *   prompts on the development data) for more recall.
 * - `balanced` (default): benign false-positive rate at or below 2% on the development data.
 * - `permissive`: for open chat where a false block is costly (~0.5% benign false positives).
 */
export type InjectionPreset = 'strict' | 'balanced' | 'permissive';

export const PRESET_THRESHOLDS: Readonly<Record<InjectionPreset, number>> = Object.freeze({
  strict: 0.25,
  balanced: 0.5,
  permissive: 0.6,
});

export function isInjectionPreset(value: unknown): value is InjectionPreset {
  return value === 'strict' || value === 'balanced' || value === 'permissive';
}
