import { CONTEXT_ENTITIES, type PiiEntity } from './pii-detector.js';

/**
 * Presidio entity type names mapped to llmguard kinds (a finding's kind matches when it equals a
 * listed kind or starts with it followed by a dot, e.g. `pii.ip-address.private`). Used by
 * `llmguard eval --task pii` and documented in the PII README. Types absent here are not
 * detected (organisations, places, titles, ages, domain names, ...).
 */
export const PRESIDIO_TYPE_KINDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  EMAIL_ADDRESS: ['pii.email'],
  PHONE_NUMBER: ['pii.phone'],
  PH_MOBILE_NUMBER: ['pii.phone'],
  TR_PHONE_NUMBER: ['pii.phone'],
  CREDIT_CARD: ['pii.credit-card'],
  IBAN_CODE: ['pii.iban'],
  US_SSN: ['pii.us-ssn'],
  US_ITIN: ['pii.us-itin'],
  US_PASSPORT: ['pii.us-passport'],
  US_DRIVER_LICENSE: ['pii.us-driver-license'],
  US_BANK_NUMBER: [],
  ABA_ROUTING_NUMBER: ['pii.us-bank-routing'],
  US_NPI: ['pii.us-npi'],
  IP_ADDRESS: ['pii.ip-address'],
  MAC_ADDRESS: ['pii.mac-address'],
  URL: ['pii.url-credentials'],
  CRYPTO: ['pii.crypto-wallet'],
  DATE_TIME: ['pii.date-of-birth'],
  UK_NINO: ['pii.uk-nino'],
  UK_NHS: ['pii.uk-nhs'],
  DE_TAX_ID: ['pii.de-tax-id'],
  ES_NIF: ['pii.es-nif'],
  ES_NIE: ['pii.es-nie'],
  IT_FISCAL_CODE: ['pii.it-fiscal-code'],
  FR_NIR: ['pii.fr-nir'],
  PL_PESEL: ['pii.pl-pesel'],
  NL_BSN: ['pii.nl-bsn'],
  CA_SIN: ['pii.ca-sin'],
  IN_AADHAAR: ['pii.in-aadhaar'],
  IN_PAN: ['pii.in-pan'],
  SE_PERSONNUMMER: ['pii.se-personnummer'],
  FI_PERSONAL_IDENTITY_CODE: ['pii.fi-personal-id'],
  TR_NATIONAL_ID: ['pii.tr-national-id'],
  ZA_ID_NUMBER: ['pii.za-id-number'],
  KR_RRN: ['pii.kr-rrn'],
  KR_FRN: ['pii.kr-frn'],
  TH_TNIN: ['pii.th-national-id'],
  AU_ABN: ['pii.au-abn'],
  AU_ACN: ['pii.au-acn'],
  AU_TFN: ['pii.au-tfn'],
  AU_MEDICARE: ['pii.au-medicare'],
  UK_DRIVING_LICENCE: ['pii.uk-driving-licence'],
  UK_PASSPORT: ['pii.uk-passport'],
  UK_VEHICLE_REGISTRATION: ['pii.uk-vehicle-registration'],
  UK_POSTCODE: ['pii.uk-postcode'],
  DE_HEALTH_INSURANCE: ['pii.de-health-insurance'],
  DE_SOCIAL_SECURITY: ['pii.de-social-security'],
  DE_LANR: ['pii.de-lanr'],
  DE_PASSPORT: ['pii.de-passport'],
  ES_PASSPORT: ['pii.es-passport'],
  IT_VAT_CODE: ['pii.it-vat-code'],
  IT_DRIVER_LICENSE: ['pii.it-driver-license'],
  IT_IDENTITY_CARD: ['pii.it-identity-card'],
  SE_ORGANISATIONSNUMMER: ['pii.se-organisationsnummer'],
  IN_GSTIN: ['pii.in-gstin'],
  IN_PASSPORT: ['pii.in-passport'],
  IN_VOTER: ['pii.in-voter'],
  IN_VEHICLE_REGISTRATION: ['pii.in-vehicle-registration'],
  KR_PASSPORT: ['pii.kr-passport'],
  KR_DRIVER_LICENSE: ['pii.kr-driver-license'],
  SG_UEN: ['pii.sg-uen'],
  PH_TIN: ['pii.ph-tin'],
  TR_LICENSE_PLATE: ['pii.tr-license-plate'],
  NG_VEHICLE_REGISTRATION: ['pii.ng-vehicle-registration'],
  US_MBI: ['pii.us-mbi'],
  MEDICAL_LICENSE: ['pii.us-dea'],
  PERSON: ['pii.person-name'],
  STREET_ADDRESS: ['pii.street-address'],
  LOCATION: ['pii.street-address'],
});

/**
 * Presidio's country phone recognizers (TR_PHONE_NUMBER, PH_MOBILE_NUMBER) know one country's
 * numbering plan. Their llmguard counterpart is the phone detector configured for that country
 * (`phoneRegions: [region]`), as an app serving it would be: with the default, US-first hints a
 * bare `6123456789` is a valid US number, not a Turkish one.
 */
export const PRESIDIO_PHONE_REGIONS: Readonly<Record<string, string>> = Object.freeze({
  TR_PHONE_NUMBER: 'TR',
  PH_MOBILE_NUMBER: 'PH',
});

/**
 * The phone region a row is scanned with when every type it is annotated for is one country's
 * phone type (see PRESIDIO_PHONE_REGIONS), else undefined (the default hints).
 * @example
 * presidioPhoneRegion(['TR_PHONE_NUMBER']) // 'TR'
 */
export function presidioPhoneRegion(types: readonly string[]): string | undefined {
  let region: string | undefined;
  for (const t of types) {
    const r = PRESIDIO_PHONE_REGIONS[t];
    if (r === undefined || (region !== undefined && r !== region)) return undefined;
    region = r;
  }
  return region;
}

/** True when a finding kind counts as the Presidio type. */
export function kindMatchesPresidio(type: string, kind: string): boolean {
  const kinds = PRESIDIO_TYPE_KINDS[type];
  if (kinds === undefined) return false;
  return kinds.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * The entity a row is scanned as known to hold (`knownEntities`) when the one type it is annotated
 * for maps to a format llmguard reports only next to a context word (US passport and licence
 * numbers, ...). Presidio's recognizer tests run each recognizer on its own, on bare numbers; the
 * caller that does so knows what the text holds, as an app scanning a passport field does. Free
 * text and rows annotated for several types are scanned with the context rule.
 * @example
 * presidioKnownEntity(['US_PASSPORT']) // 'us-passport'
 */
export function presidioKnownEntity(types: readonly string[]): PiiEntity | undefined {
  if (types.length !== 1) return undefined;
  const kinds = PRESIDIO_TYPE_KINDS[types[0] as string] ?? [];
  const entity = kinds.length === 1 ? (kinds[0] as string).slice('pii.'.length) : '';
  return (CONTEXT_ENTITIES as readonly string[]).includes(entity) ? (entity as PiiEntity) : undefined;
}
