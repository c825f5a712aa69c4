import { describe, expect, it } from 'vitest';
import type { DetectorMatch } from '../../types.js';
import type { Recognizer } from './recognizer.js';
import { esPassport } from './es-passport.js';
import { krDriverLicense } from './kr-driver-license.js';
import { krPassport } from './kr-passport.js';
import { ngVehicleRegistration } from './ng-vehicle-registration.js';
import { phTin } from './ph-tin.js';
import { seOrganisationsnummer } from './se-organisationsnummer.js';
import { trLicensePlate } from './tr-license-plate.js';
import { digits, rng, withLuhn } from './test-values.js';

const r = rng(20240611);
const pick = (s: string) => s[Math.floor(r() * s.length)] as string;
const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Every match at or above the finding threshold, as [span, score]. */
function findings(rec: Recognizer, text: string): { span: string; score: number }[] {
  const out: DetectorMatch[] = [];
  rec.find(text, out);
  return out.filter((m) => m.score >= 0.5).map((m) => ({ span: text.slice(m.start, m.end), score: m.score }));
}

interface Row {
  text: string;
  /** The reported span, or null for no finding. */
  span: string | null;
}

function runTable(rec: Recognizer, rows: readonly Row[]) {
  for (const row of rows) {
    const found = findings(rec, row.text);
    if (row.span === null) expect(found, row.text).toEqual([]);
    else expect(found.map((f) => f.span), row.text).toEqual([row.span]);
  }
}

/** Turn the last digit into a wrong one. */
const breakLast = (v: string) => v.slice(0, -1) + String((Number(v.slice(-1)) + 1) % 10);

// ---------------------------------------------------------------- Sweden: organisationsnummer
function orgnr(): string {
  return withLuhn(pick('12356789') + digits(r, 1) + pick('23456789') + digits(r, 6));
}
const hyph = (ten: string) => `${ten.slice(0, 6)}-${ten.slice(6)}`;

describe('pii.se-organisationsnummer', () => {
  const rec = seOrganisationsnummer();
  const a = orgnr();
  const b = orgnr();
  const c = orgnr();
  const d = orgnr();
  const e = orgnr();
  // A valid Luhn number whose third digit is 0 or 1: a personnummer shape, never an organisation number.
  const personShape = withLuhn(`55${pick('01')}${digits(r, 6)}`);
  // Group digit 0 does not exist.
  const groupZero = withLuhn(`0${digits(r, 1)}${pick('23456789')}${digits(r, 6)}`);

  it('has the expected id', () => {
    expect(rec.id).toBe('pii.se-organisationsnummer');
  });

  it('finds valid numbers and rejects look-alikes', () => {
    runTable(rec, [
      { text: `Bolaget har organisationsnummer ${hyph(a)} och säte i Stockholm.`, span: hyph(a) },
      { text: `Org.nr: ${a}`, span: a },
      { text: `Faktura från leverantören (${hyph(b)}).`, span: hyph(b) },
      { text: `Our supplier's organization number is 16${hyph(c)}.`, span: `16${hyph(c)}` },
      { text: `orgnr 16${d}`, span: `16${d}` },
      { text: `Momsregistreringsnummer: SE${e}01`, span: `SE${e}01` },
      { text: `VAT: se ${e} 01 (Sweden)`, span: `se ${e} 01` },
      { text: `Betala till ${d} senast fredag.`, span: d },
      // Wrong Luhn digit.
      { text: `Organisationsnummer ${hyph(breakLast(a))}`, span: null },
      { text: `orgnr ${breakLast(b)}`, span: null },
      { text: `Momsregistreringsnummer SE${breakLast(e)}01`, span: null },
      // Personnummer shape (month 01-19) and group 0.
      { text: `Organisationsnummer ${hyph(personShape)}`, span: null },
      { text: `Organisationsnummer ${hyph(groupZero)}`, span: null },
      // All the same digit, embedded in longer numbers and codes.
      { text: 'org nr 5555555555', span: null },
      { text: `Order ${a}7 shipped`, span: null },
      { text: `ref X${a}`, span: null },
      { text: `tel ${hyph(a)}-12`, span: null },
      { text: 'Ordernummer 2023-11-05, 10 st á 129 kr', span: null },
    ]);
  });

  it('scores the hyphenated form higher than the compact one', () => {
    const [compact] = findings(rec, `see ${a} here`);
    const [printed] = findings(rec, `see ${hyph(a)} here`);
    const [withWord] = findings(rec, `organisationsnummer ${a}`);
    expect(compact?.score).toBeCloseTo(0.6);
    expect(printed?.score).toBeCloseTo(0.85);
    expect(withWord?.score).toBeCloseTo(0.95);
  });
});

// ---------------------------------------------------------------- Spain: passport
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function esPass(letters: number): string {
  let s = '';
  for (let i = 0; i < letters; i++) s += pick(upper);
  return s + digits(r, 6);
}

describe('pii.es-passport', () => {
  const rec = esPassport();
  const current = `PA${pick(upper)}${digits(r, 6)}`;
  const older = esPass(2);
  const other = esPass(3);

  it('has the expected id', () => {
    expect(rec.id).toBe('pii.es-passport');
  });

  it('finds numbers next to a passport word only', () => {
    runTable(rec, [
      { text: `Número de pasaporte: ${current}, expedido en Madrid.`, span: current },
      { text: `Mi pasaporte es el ${older} y caduca en 2027.`, span: older },
      { text: `Spanish passport ${other.toLowerCase()} (lost last week)`, span: other.toLowerCase() },
      { text: `Nº de pasaporte ${other}`, span: other },
      { text: `num. pasaporte ${current}`, span: current },
      // No passport word: never alone.
      { text: `El código del producto es ${current}.`, span: null },
      { text: `Tracking ${older} delivered`, span: null },
      // Wrong shapes next to the word.
      { text: `pasaporte ${current}7`, span: null },
      { text: `pasaporte ABCD123456`, span: null },
      { text: `pasaporte A1234567`, span: null },
      { text: `pasaporte PAA000000`, span: null },
      { text: `passport office opening hours 09:00-14:00, ticket AB12345`, span: null },
    ]);
  });

  it('reports the bare value when the context is known', () => {
    expect(findings(esPassport({ contextKnown: true }), current).map((f) => f.span)).toEqual([current]);
    expect(findings(esPassport({ contextKnown: true }), older)[0]?.score).toBeCloseTo(0.85);
  });
});

// ---------------------------------------------------------------- Korea: passport
describe('pii.kr-passport', () => {
  const rec = krPassport();
  const old = `M${digits(r, 8)}`;
  const next = `M${digits(r, 3)}${pick(upper)}${digits(r, 4)}`;
  const official = `${pick('GDOSR')}${digits(r, 8)}`;

  it('has the expected id', () => {
    expect(rec.id).toBe('pii.kr-passport');
  });

  it('finds numbers next to a passport word only', () => {
    runTable(rec, [
      { text: `여권번호: ${old}`, span: old },
      { text: `제 여권번호는 ${next}입니다.`, span: next },
      { text: `My Korean passport no. is ${next.toLowerCase()}.`, span: next.toLowerCase() },
      { text: `Passport ${official}, issued in Seoul`, span: official },
      { text: `여권 ${old} 사본을 보내 주세요`, span: old },
      // No passport word.
      { text: `모델 번호 ${old}`, span: null },
      { text: `Part ${next} is out of stock`, span: null },
      // Wrong type letter, wrong lengths, same digits.
      { text: `passport A${old.slice(1)}`, span: null },
      { text: `passport ${old}9`, span: null },
      { text: `passport ${next.slice(0, -1)}`, span: null },
      { text: `passport M123AB4567`, span: null },
      { text: 'passport M00000000', span: null },
    ]);
  });

  it('reports the bare value when the context is known', () => {
    expect(findings(krPassport({ contextKnown: true }), next).map((f) => f.span)).toEqual([next]);
  });
});

// ---------------------------------------------------------------- Korea: driver's licence
function krDl(region = int(11, 28)): string {
  return `${region}-${digits(r, 2)}-${int(100000, 999999)}-${digits(r, 2)}`;
}

describe('pii.kr-driver-license', () => {
  const rec = krDriverLicense();
  const a = krDl();
  const b = krDl(11);
  const c = krDl(28);
  const named = `서울 ${digits(r, 2)}-${int(100000, 999999)}-${digits(r, 2)}`;
  const compact = a.replace(/-/g, '');

  it('has the expected id', () => {
    expect(rec.id).toBe('pii.kr-driver-license');
  });

  it('finds hyphenated numbers with a valid region, the compact form next to a licence word', () => {
    runTable(rec, [
      { text: `운전면허번호: ${a}`, span: a },
      { text: `면허번호는 ${b}입니다`, span: b },
      { text: `Korean driver's license ${c} (class 1)`, span: c },
      { text: `번호 ${a} 확인 부탁드립니다`, span: a },
      { text: `운전면허증 ${named}`, span: named },
      { text: `${named.replace(' ', '')} 로 등록`, span: named.replace(' ', '') },
      { text: `운전면허번호 ${compact}`, span: compact },
      // Compact without a licence word: not alone.
      { text: `주문번호 ${compact}`, span: null },
      // Region codes out of range, mixed separators, wrong group sizes.
      { text: `운전면허번호 10-${a.slice(3)}`, span: null },
      { text: `운전면허번호 29-${a.slice(3)}`, span: null },
      { text: `운전면허번호 ${a.slice(0, 5)}${a.slice(6)}`, span: null },
      { text: `운전면허번호 11-22-12345-67`, span: null },
      { text: `운전면허번호 11-22-000000-67`, span: null },
      { text: `운전면허번호 ${a}-3`, span: null },
      // Other numbers of a similar shape.
      { text: 'Call 010-1234-5678 or 02-123-4567', span: null },
      { text: 'Meeting on 2024-05-11 at 10:30', span: null },
    ]);
  });

  it('scores the hyphenated form at 0.5 alone and higher with a word', () => {
    expect(findings(rec, `see ${a}`)[0]?.score).toBeCloseTo(0.5);
    expect(findings(rec, `운전면허 ${a}`)[0]?.score).toBeCloseTo(0.85);
    expect(findings(krDriverLicense({ contextKnown: true }), compact).map((f) => f.span)).toEqual([compact]);
  });
});

// ---------------------------------------------------------------- Nigeria: number plates
function ngPlate(): string {
  let s = '';
  for (let i = 0; i < 3; i++) s += pick(upper);
  s += `-${int(1, 999).toString().padStart(3, '0')}`;
  return s + pick(upper) + pick(upper);
}

describe('pii.ng-vehicle-registration', () => {
  const rec = ngVehicleRegistration();
  const a = ngPlate();
  const b = ngPlate();
  const spaced = b.replace('-', ' ');
  const compact = a.replace('-', '');

  it('has the expected id', () => {
    expect(rec.id).toBe('pii.ng-vehicle-registration');
  });

  it('finds plates next to a plate or vehicle word only', () => {
    runTable(rec, [
      { text: `The car's plate number is ${a}, a grey Corolla.`, span: a },
      { text: `Vehicle reg no: ${spaced}`, span: spaced },
      { text: `FRSC stopped ${compact.toLowerCase()} on the expressway`, span: compact.toLowerCase() },
      { text: `registration ${b}`, span: b },
      // No plate word.
      { text: `Use coupon ${a} at checkout`, span: null },
      // Wrong shapes and the never-issued serial 000.
      { text: `plate number ${a}X`, span: null },
      { text: `plate number AB-123CD`, span: null },
      { text: `plate number ABC-12CD`, span: null },
      { text: `plate number ABC-000DE`, span: null },
      { text: `vehicle model XYZ-1234`, span: null },
    ]);
  });

  it('reports the bare value when the context is known', () => {
    expect(findings(ngVehicleRegistration({ contextKnown: true }), a).map((f) => f.span)).toEqual([a]);
  });
});

// ---------------------------------------------------------------- Turkey: number plates
const TR_LETTERS = 'ABCDEFGHIJKLMNOPRSTUVYZ';
function trPlate(letters: number, digitCount: number): string {
  const province = String(int(1, 81)).padStart(2, '0');
  let l = '';
  for (let i = 0; i < letters; i++) l += pick(TR_LETTERS);
  return `${province} ${l} ${int(10 ** (digitCount - 1), 10 ** digitCount - 1)}`;
}

describe('pii.tr-license-plate', () => {
  const rec = trLicensePlate();
  const one4 = trPlate(1, 4);
  const one5 = trPlate(1, 5);
  const two3 = trPlate(2, 3);
  const two4 = trPlate(2, 4);
  const three2 = trPlate(3, 2);
  const three3 = trPlate(3, 3);

  it('has the expected id', () => {
    expect(rec.id).toBe('pii.tr-license-plate');
  });

  it('finds plates next to a plate word only', () => {
    runTable(rec, [
      { text: `Aracın plakası ${three3}, rengi beyaz.`, span: three3 },
      { text: `plaka: ${one4}`, span: one4 },
      { text: `License plate ${one5} was caught speeding.`, span: one5 },
      { text: `araç ${two3.replace(/ /g, '')} otoparkta`, span: two3.replace(/ /g, '') },
      { text: `number plate ${two4.toLowerCase()}`, span: two4.toLowerCase() },
      { text: `Plaka ${three2}`, span: three2 },
      { text: 'plaka 06 A 12', span: '06 A 12' },
      // No plate word.
      { text: `Toplantı ${three3} numaralı salonda`, span: null },
      // Province codes 00 and 82+, Q/W/X, too many characters, zero serial.
      { text: `plaka 00 ${three3.slice(3)}`, span: null },
      { text: `plaka 82 ${three3.slice(3)}`, span: null },
      { text: 'plaka 34 QWX 123', span: null },
      { text: 'plaka 34 AW 1234', span: null },
      { text: 'plaka 34 ABC 1234', span: '34 ABC 1234' },
      { text: 'plaka 34 ABC 12345', span: null },
      { text: 'plaka 34 AB 12', span: '34 AB 12' },
      { text: 'plaka 34 ABCD 12', span: null },
      { text: 'plaka 34 A 123456', span: null },
      { text: 'plaka 34 AB 000', span: null },
      { text: 'plate size 52 x 11 cm', span: null },
    ]);
  });

  it('reports the bare value when the context is known', () => {
    expect(findings(trLicensePlate({ contextKnown: true }), three3).map((f) => f.span)).toEqual([three3]);
  });
});

// ---------------------------------------------------------------- Philippines: TIN
function tin(branchDigits = 0): string {
  let nine = digits(r, 9);
  while (/^(\d)\1{8}$/.test(nine)) nine = digits(r, 9);
  const groups = [nine.slice(0, 3), nine.slice(3, 6), nine.slice(6)];
  if (branchDigits > 0) groups.push('0'.repeat(branchDigits));
  return groups.join('-');
}

describe('pii.ph-tin', () => {
  const rec = phTin();
  const a = tin(3);
  const b = tin();
  const c = tin(5);
  const d = tin(3).replace(/-/g, '');
  const spaced = tin(4).replace(/-/g, ' ');

  it('has the expected id', () => {
    expect(rec.id).toBe('pii.ph-tin');
  });

  it('finds numbers next to a TIN word only', () => {
    runTable(rec, [
      { text: `TIN: ${a}`, span: a },
      { text: `My tax identification number is ${b}.`, span: b },
      { text: `BIR registered, TIN no. ${c} (head office)`, span: c },
      { text: `tin ${d}`, span: d },
      { text: `Taxpayer identification: ${spaced}`, span: spaced },
      // No TIN word.
      { text: `Order ${a} has shipped`, span: null },
      { text: `Reference ${d}`, span: null },
      // Same digits, wrong group sizes, mixed separators, too long.
      { text: 'TIN 111-111-111-000', span: null },
      { text: `TIN 12-3456-789`, span: null },
      { text: `TIN ${b.slice(0, 7)} ${b.slice(8)}`, span: null },
      { text: `TIN ${a}-12`, span: null },
      { text: `TIN ${b}-000000`, span: null },
      { text: `TIN ${d}1234`, span: null },
      { text: 'TIN mobile 0917 123 4567', span: null },
    ]);
  });

  it('reports the bare value when the context is known', () => {
    expect(findings(phTin({ contextKnown: true }), a).map((f) => f.span)).toEqual([a]);
    expect(findings(phTin({ contextKnown: true }), a)[0]?.score).toBeCloseTo(0.85);
  });
});

// ---------------------------------------------------------------- linear time
describe('adversarial input', () => {
  const recognizers: [string, Recognizer, string[]][] = [
    ['se-organisationsnummer', seOrganisationsnummer(), ['556677-', 'SE556677', 'SE 5566778899 ', '16']],
    ['es-passport', esPassport({ contextKnown: true }), ['PAA12345', 'AB', 'pasaporte ']],
    ['kr-passport', krPassport({ contextKnown: true }), ['M123A', 'M1234567', 'M']],
    ['kr-driver-license', krDriverLicense({ contextKnown: true }), ['서울 12-', '11-12-', '11-', '서울']],
    ['ng-vehicle-registration', ngVehicleRegistration({ contextKnown: true }), ['ABC-123', 'ABC ', 'ABC-123D']],
    ['tr-license-plate', trLicensePlate({ contextKnown: true }), ['34 ABC ', '34 A', '34 ', '34A1']],
    ['ph-tin', phTin({ contextKnown: true }), ['123-456-', '123 ', '123-456-789-']],
    ['ph-tin (context)', phTin(), ['TIN 123-456-']],
    ['tr-license-plate (context)', trLicensePlate(), ['plaka 34 ABC ']],
  ];
  const common = ['A1'.repeat(5e5), '1'.repeat(1e6), 'AB12 '.repeat(2e5), '1-'.repeat(5e5), '12 '.repeat(333333), 'a'.repeat(1e6)];
  for (const [name, rec, prefixes] of recognizers) {
    it(`${name} finishes 1 MB inputs quickly`, () => {
      for (const prefix of prefixes) {
        const inputs = [...common, prefix.repeat(Math.ceil(1e6 / prefix.length))];
        for (const input of inputs) {
          const t = performance.now();
          rec.find(input, []);
          expect(performance.now() - t, `${name} on ${JSON.stringify(input.slice(0, 12))}`).toBeLessThan(2000);
        }
      }
    });
  }
});
