import { LlmGuardConfigError } from '../../errors.js';
import type { Detector, DetectorMatch } from '../../types.js';
import { auAbn, auAcn, auMedicare, auTfn } from './au-ids.js';
import { caSin } from './ca-sin.js';
import { creditCard } from './credit-card.js';
import { cryptoWallet } from './crypto-wallet.js';
import { dateOfBirth } from './date-of-birth.js';
import { deHealthInsurance } from './de-health-insurance.js';
import { deLanr } from './de-lanr.js';
import { dePassport } from './de-passport.js';
import { deSocialSecurity } from './de-social-security.js';
import { deTaxId } from './de-tax-id.js';
import { email } from './email.js';
import { esNie, esNif } from './es-nif.js';
import { esPassport } from './es-passport.js';
import { fiPersonalId } from './fi-personal-id.js';
import { frNir } from './fr-nir.js';
import { digitWindows, hasDigit } from './gates.js';
import { iban } from './iban.js';
import { inAadhaar, inPan } from './in-aadhaar.js';
import { inGstin } from './in-gstin.js';
import { inPassport } from './in-passport.js';
import { inVehicleRegistration } from './in-vehicle-registration.js';
import { inVoter } from './in-voter.js';
import { ipAddress } from './ip-address.js';
import { itDriverLicense } from './it-driver-license.js';
import { itFiscalCode } from './it-fiscal-code.js';
import { itIdentityCard } from './it-identity-card.js';
import { itVatCode } from './it-vat-code.js';
import { krDriverLicense } from './kr-driver-license.js';
import { krPassport } from './kr-passport.js';
import { krRrn } from './kr-rrn.js';
import { macAddress } from './mac-address.js';
import { ngVehicleRegistration } from './ng-vehicle-registration.js';
import { nlBsn } from './nl-bsn.js';
import { personName } from './person-name.js';
import { phTin } from './ph-tin.js';
import { phone } from './phone.js';
import { plPesel } from './pl-pesel.js';
import type { Recognizer } from './recognizer.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { seOrganisationsnummer } from './se-organisationsnummer.js';
import { sePersonnummer } from './se-personnummer.js';
import { sgUen } from './sg-uen.js';
import { streetAddress } from './street-address.js';
import { thNationalId } from './th-national-id.js';
import { trLicensePlate } from './tr-license-plate.js';
import { trNationalId } from './tr-national-id.js';
import { ukDrivingLicence } from './uk-driving-licence.js';
import { ukNhs } from './uk-nhs.js';
import { ukNino } from './uk-nino.js';
import { ukPassport } from './uk-passport.js';
import { ukPostcode } from './uk-postcode.js';
import { ukVehicleRegistration } from './uk-vehicle-registration.js';
import { urlCredentials } from './url-credentials.js';
import { usBankRouting, usNpi } from './us-bank-ids.js';
import { usDea } from './us-dea.js';
import { usDriverLicense } from './us-driver-license.js';
import { usMbi } from './us-mbi.js';
import { usPassport } from './us-passport.js';
import { usItin, usSsn } from './us-ssn.js';
import { zaIdNumber } from './za-id-number.js';

/** Built-in entities, by the name used in `piiDetector({ entities })` (the kind without `pii.`). */
export const PII_ENTITIES = Object.freeze([
  'email', 'phone', 'credit-card', 'iban', 'us-ssn', 'us-itin', 'ip-address', 'mac-address', 'url-credentials', 'crypto-wallet',
  'date-of-birth', 'us-passport', 'us-driver-license', 'us-bank-routing', 'us-npi', 'uk-nino', 'uk-nhs', 'de-tax-id', 'es-nif',
  'es-nie', 'it-fiscal-code', 'fr-nir', 'pl-pesel', 'nl-bsn', 'ca-sin', 'in-aadhaar', 'in-pan', 'se-personnummer',
  'fi-personal-id', 'tr-national-id', 'za-id-number', 'kr-rrn', 'th-national-id', 'au-abn', 'au-acn', 'au-tfn', 'au-medicare',
  'uk-driving-licence', 'uk-passport', 'uk-vehicle-registration', 'uk-postcode', 'de-health-insurance', 'de-social-security',
  'de-lanr', 'de-passport', 'es-passport', 'it-vat-code', 'it-driver-license', 'it-identity-card', 'se-organisationsnummer',
  'in-gstin', 'in-passport', 'in-voter', 'in-vehicle-registration', 'kr-passport', 'kr-driver-license', 'sg-uen', 'ph-tin',
  'tr-license-plate', 'ng-vehicle-registration', 'us-mbi', 'us-dea',
  'person-name', 'street-address',
] as const);

export type PiiEntity = (typeof PII_ENTITIES)[number];

/**
 * The entities whose bare values (or some spellings of them) are reported only next to a context
 * word, having no check digit, unless `knownEntities` names them.
 */
export const CONTEXT_ENTITIES: readonly PiiEntity[] = Object.freeze([
  'us-passport', 'us-driver-license', 'us-bank-routing', 'us-npi', 'nl-bsn', 'au-tfn', 'uk-postcode',
  'uk-passport', 'uk-vehicle-registration', 'de-lanr', 'de-passport', 'es-passport', 'it-vat-code', 'it-driver-license', 'it-identity-card', 'in-passport', 'in-voter', 'in-vehicle-registration', 'kr-passport', 'kr-driver-license', 'ph-tin', 'tr-license-plate', 'ng-vehicle-registration',
]);

/** Options of `piiDetector()`. */
export interface PiiDetectorOptions {
  /** Entities to look for (default: all built-ins). */
  entities?: readonly PiiEntity[];
  /** Entities to leave out of the default set (e.g. `['person-name', 'street-address']`). */
  exclude?: readonly PiiEntity[];
  /** Phone region hints, most likely first (ISO 3166 codes; default a broad list led by `US`). */
  phoneRegions?: readonly string[];
  /**
   * Entities the text is known to hold, as in a form field for passport numbers: the formats that
   * are reported only next to a context word (US passport, driver's licence, routing and NPI
   * numbers, NL BSN, AU TFN) are reported without one. Leave unset for free text.
   */
  knownEntities?: readonly PiiEntity[];
  /** Report private, loopback, link-local and reserved IP addresses (default true). */
  internalIps?: boolean;
  /** Recognizers made with `customRecognizer()`, run and merged like the built-ins. */
  custom?: readonly Recognizer[];
}

/** A PII detector: a `Detector` plus the hold-back a stream redaction over it needs. */
export interface PiiDetector extends Detector {
  readonly maxMatchLength: number;
  readonly recognizers: readonly Recognizer[];
}

function known(o: PiiDetectorOptions, entity: PiiEntity): { contextKnown: boolean } {
  return { contextKnown: o.knownEntities?.includes(entity) === true };
}

function builtin(entity: PiiEntity, o: PiiDetectorOptions): Recognizer {
  switch (entity) {
    case 'email': return email();
    case 'phone': return phone(o.phoneRegions === undefined ? {} : { regions: o.phoneRegions });
    case 'credit-card': return creditCard();
    case 'iban': return iban();
    case 'us-ssn': return usSsn();
    case 'us-itin': return usItin();
    case 'ip-address': return ipAddress({ internal: o.internalIps ?? true });
    case 'mac-address': return macAddress();
    case 'url-credentials': return urlCredentials();
    case 'crypto-wallet': return cryptoWallet();
    case 'date-of-birth': return dateOfBirth();
    case 'us-passport': return usPassport(known(o, 'us-passport'));
    case 'us-driver-license': return usDriverLicense(known(o, 'us-driver-license'));
    case 'us-bank-routing': return usBankRouting(known(o, 'us-bank-routing'));
    case 'us-npi': return usNpi(known(o, 'us-npi'));
    case 'uk-nino': return ukNino();
    case 'uk-nhs': return ukNhs();
    case 'de-tax-id': return deTaxId();
    case 'es-nif': return esNif();
    case 'es-nie': return esNie();
    case 'it-fiscal-code': return itFiscalCode();
    case 'fr-nir': return frNir();
    case 'pl-pesel': return plPesel();
    case 'nl-bsn': return nlBsn(known(o, 'nl-bsn'));
    case 'ca-sin': return caSin();
    case 'in-aadhaar': return inAadhaar();
    case 'in-pan': return inPan();
    case 'se-personnummer': return sePersonnummer();
    case 'fi-personal-id': return fiPersonalId();
    case 'tr-national-id': return trNationalId();
    case 'za-id-number': return zaIdNumber();
    case 'kr-rrn': return krRrn();
    case 'th-national-id': return thNationalId();
    case 'au-abn': return auAbn();
    case 'au-acn': return auAcn();
    case 'au-tfn': return auTfn(known(o, 'au-tfn'));
    case 'au-medicare': return auMedicare();
    case 'uk-driving-licence': return ukDrivingLicence();
    case 'uk-passport': return ukPassport(known(o, 'uk-passport'));
    case 'uk-vehicle-registration': return ukVehicleRegistration(known(o, 'uk-vehicle-registration'));
    case 'uk-postcode': return ukPostcode(known(o, 'uk-postcode'));
    case 'de-health-insurance': return deHealthInsurance();
    case 'de-social-security': return deSocialSecurity();
    case 'de-lanr': return deLanr(known(o, 'de-lanr'));
    case 'de-passport': return dePassport(known(o, 'de-passport'));
    case 'es-passport': return esPassport(known(o, 'es-passport'));
    case 'it-vat-code': return itVatCode(known(o, 'it-vat-code'));
    case 'it-driver-license': return itDriverLicense(known(o, 'it-driver-license'));
    case 'it-identity-card': return itIdentityCard(known(o, 'it-identity-card'));
    case 'se-organisationsnummer': return seOrganisationsnummer();
    case 'in-gstin': return inGstin();
    case 'in-passport': return inPassport(known(o, 'in-passport'));
    case 'in-voter': return inVoter(known(o, 'in-voter'));
    case 'in-vehicle-registration': return inVehicleRegistration(known(o, 'in-vehicle-registration'));
    case 'kr-passport': return krPassport(known(o, 'kr-passport'));
    case 'kr-driver-license': return krDriverLicense(known(o, 'kr-driver-license'));
    case 'sg-uen': return sgUen();
    case 'ph-tin': return phTin(known(o, 'ph-tin'));
    case 'tr-license-plate': return trLicensePlate(known(o, 'tr-license-plate'));
    case 'ng-vehicle-registration': return ngVehicleRegistration(known(o, 'ng-vehicle-registration'));
    case 'us-mbi': return usMbi();
    case 'us-dea': return usDea();
    case 'person-name': return personName();
    case 'street-address': return streetAddress();
  }
}

/**
 * Detect personal data with validated recognizers (checksums, issuer ranges, context words).
 * Findings carry the entity in the kind (`pii.email`, `pii.ip-address.private`, ...).
 * @example
 * createGuard({ rules: [redact(piiDetector({ exclude: ['street-address'] }))] })
 */
export function piiDetector(options: PiiDetectorOptions = {}): PiiDetector {
  const known = new Set<string>(PII_ENTITIES);
  for (const e of [...(options.entities ?? []), ...(options.exclude ?? []), ...(options.knownEntities ?? [])]) {
    if (!known.has(e)) throw new LlmGuardConfigError(`piiDetector(): unknown entity "${String(e)}"; expected one of ${PII_ENTITIES.join(', ')}`);
  }
  const excluded = new Set<string>(options.exclude ?? []);
  const entities = (options.entities ?? PII_ENTITIES).filter((e) => !excluded.has(e));
  const recognizers = [...entities.map((e) => builtin(e, options)), ...(options.custom ?? [])];
  for (const r of options.custom ?? []) {
    if (r === null || typeof r !== 'object' || typeof r.find !== 'function') throw new LlmGuardConfigError('piiDetector(): "custom" must hold recognizers made with customRecognizer()');
  }
  // The skip flags, read once (recognizers have different shapes, so reading them per call is slow):
  // 2 needs a run of seven digits, 1 a digit, 0 nothing.
  const needs = recognizers.map((r) => (r.needsDigitRun === true ? 2 : r.needsDigit === true ? 1 : 0));
  return {
    id: 'pii.entities',
    recognizers,
    maxMatchLength: Math.max(1, ...recognizers.map((r) => r.maxMatchLength)),
    detect(text) {
      if (text.length === 0) return [];
      const out: DetectorMatch[] = [];
      // Most chat messages have no digit, and most others no run of seven: the number formats are
      // skipped with one scan each.
      const digits = hasDigit(text);
      const runs = digits && digitWindows(text).length > 0;
      for (let i = 0; i < recognizers.length; i++) {
        const need = needs[i] as number;
        if (need !== 0 && (!digits || (need === 2 && !runs))) continue;
        (recognizers[i] as Recognizer).find(text, out);
      }
      return resolveOverlaps(dropPartsOfAddresses(out));
    },
  };
}

/**
 * A capitalised run inside a street address is a street, city or region name, not a person; a
 * weakly scored number run inside one is a house or unit number, not a phone.
 */
function dropPartsOfAddresses(matches: DetectorMatch[]): DetectorMatch[] {
  if (!matches.some(insideAddressCandidate)) return matches;
  const addresses = matches.filter((m) => m.kind === 'pii.street-address');
  if (addresses.length === 0) return matches;
  // Addresses by start, with the furthest end among each prefix: a name overlaps an address when
  // one starting before the name's end reaches past its start (a binary search per name, so many
  // names and addresses do not cost their product).
  addresses.sort((a, b) => a.start - b.start);
  const reach = new Float64Array(addresses.length);
  let furthest = -Infinity;
  addresses.forEach((a, i) => (reach[i] = furthest = Math.max(furthest, a.end)));
  const overlapsAddress = (m: DetectorMatch): boolean => {
    let lo = 0;
    let hi = addresses.length; // the addresses starting before m.end are [0, lo)
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((addresses[mid] as DetectorMatch).start < m.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (reach[lo - 1] as number) > m.start;
  };
  return matches.filter((m) => !insideAddressCandidate(m) || !overlapsAddress(m));
}

// International numbers (0.85) and formatted ones next to a phone word (0.9) stay phone numbers.
const STRONG_PHONE = 0.85;

function insideAddressCandidate(m: DetectorMatch): boolean {
  return m.kind === 'pii.person-name' || (m.kind === 'pii.phone' && m.score < STRONG_PHONE);
}
