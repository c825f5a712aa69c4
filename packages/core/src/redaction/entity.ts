/**
 * The entity name of a finding kind, as used in labels and placeholders: `pii.email` -> `EMAIL`,
 * `pii.ip-address.private` -> `IP_ADDRESS`, `pii.person-name` -> `PERSON_NAME`, any
 * `secret.*` -> `SECRET`, `custom.patterns` -> `CUSTOM`.
 * @example
 * entityOf('pii.credit-card') // 'CREDIT_CARD'
 */
export function entityOf(kind: string): string {
  const [family = '', name = family] = kind.split('.');
  if (family === 'secret' || family === 'secrets') return 'SECRET';
  if (family !== 'pii') return (family || 'REDACTED').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
