import { describe, expect, it } from 'vitest';
import type { DetectorMatch } from '../../types.js';
import type { Recognizer } from './recognizer.js';
import { digits, rng } from './test-values.js';
import { inGstin } from './in-gstin.js';
import { inPassport } from './in-passport.js';
import { inVoter } from './in-voter.js';
import { inVehicleRegistration } from './in-vehicle-registration.js';
import { sgUen } from './sg-uen.js';
import { usMbi } from './us-mbi.js';
import { usDea } from './us-dea.js';
import { itVatCode } from './it-vat-code.js';
import { itDriverLicense } from './it-driver-license.js';
import { itIdentityCard } from './it-identity-card.js';

// Fake values only: random characters with the check characters computed here, independently
// of the recognizers' own code.
const r = rng(91);
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const pick = (set: string) => set.charAt(Math.floor(r() * set.length));
const letters = (n: number, set = UPPER) => Array.from({ length: n }, () => pick(set)).join('');
const nonZero = (n: number) => String(10 ** (n - 1) + Math.floor(r() * 9 * 10 ** (n - 1)));
/** The same value with its last character replaced by another one of `set`. */
const wrongLast = (v: string, set: string) => {
  const last = v.charAt(v.length - 1);
  const i = set.indexOf(last.toUpperCase());
  return v.slice(0, -1) + set.charAt((i + 1 + Math.floor(r() * (set.length - 1))) % set.length);
};

const B36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function gstinCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const p = B36.indexOf(body.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return B36.charAt((36 - (sum % 36)) % 36);
}
function gstin(state = '27', holder = pick('ABCFGHLJPTK'), z = 'Z'): string {
  const body = state + letters(3) + holder + letters(1) + nonZero(4) + letters(1) + pick('123456789ABC') + z;
  return body + gstinCheck(body);
}

function weighted(d: string, w: number[]): number {
  return w.reduce((s, x, i) => s + (d.charCodeAt(i) - 48) * x, 0);
}
function uenBusiness(): string {
  const d = digits(r, 8);
  return d + 'XMKECAWLJDB'.charAt(weighted(d, [10, 4, 9, 3, 8, 2, 7, 1]) % 11);
}
function uenLocal(year = 1990 + Math.floor(r() * 30)): string {
  const d = String(year) + nonZero(5);
  return d + 'ZKCMDNERGWH'.charAt(weighted(d, [10, 8, 6, 4, 9, 7, 5, 3, 1]) % 11);
}
const UEN_OTHERS = 'ABCDEFGHJKLMNPQRSTUVWX0123456789';
function uenOthers(prefix: string, yy: string, type: string): string {
  const body = prefix + yy + type + nonZero(4);
  const w = [4, 3, 5, 3, 10, 2, 2, 5, 7];
  const sum = w.reduce((acc, x, i) => acc + UEN_OTHERS.indexOf(body.charAt(i)) * x, 0);
  return body + UEN_OTHERS.charAt((((sum - 5) % 11) + 11) % 11);
}

const MBI_L = 'ACDEFGHJKMNPQRTUVWXY';
function mbi(): string {
  const an = () => (r() < 0.5 ? pick(MBI_L) : pick('0123456789'));
  const d = () => pick('0123456789');
  return pick('123456789') + pick(MBI_L) + an() + d() + pick(MBI_L) + an() + d() + pick(MBI_L) + pick(MBI_L) + d() + d();
}
const mbiHyphens = (v: string) => `${v.slice(0, 4)}-${v.slice(4, 7)}-${v.slice(7)}`;

function deaDigits(): string {
  const d = digits(r, 6);
  const n = (i: number) => d.charCodeAt(i) - 48;
  return d + ((n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5))) % 10);
}
const dea = (type = pick('ABCDEFGHJKLMPRSTUX'), second = letters(1)) => type + second + deaDigits();

function luhnCheck(body: string): number {
  for (let c = 0; c < 10; c++) {
    let sum = 0;
    const s = body + c;
    for (let i = 0; i < s.length; i++) {
      let v = s.charCodeAt(s.length - 1 - i) - 48;
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return c;
  }
  throw new Error('unreachable');
}
function partitaIva(office = String(1 + Math.floor(r() * 100)).padStart(3, '0')): string {
  const body = nonZero(7) + office;
  return body + luhnCheck(body);
}

function found(recognizer: Recognizer, text: string): string[] {
  const out: DetectorMatch[] = [];
  recognizer.find(text, out);
  return out.filter((m) => m.score >= 0.5).map((m) => text.slice(m.start, m.end));
}

type Row = [title: string, text: string, expected: string | undefined];
function table(name: string, recognizer: Recognizer, rows: Row[]): void {
  describe(name, () => {
    it.each(rows)('%s', (_title, text, expected) => {
      expect(found(recognizer, text)).toEqual(expected === undefined ? [] : [expected]);
    });
  });
}

// ---------------------------------------------------------------- India
const g1 = gstin();
const g2 = gstin('09');
const g3 = gstin('33').toLowerCase();
const g4 = gstin('97');
table('pii.in-gstin', inGstin(), [
  ['with a context word', `Our GSTIN: ${g1} (Maharashtra)`, g1],
  ['without context (checksum)', `Please raise the bill on ${g2}, thanks`, g2],
  ['lower case', `gst no ${g3}`, g3],
  ['state code 97 (other territory)', `registered as ${g4}.`, g4],
  ['wrong check character', `GSTIN ${wrongLast(g1, B36)}`, undefined],
  ['state code 40 does not exist', `GSTIN ${gstin('40')}`, undefined],
  ['state code 00', `GSTIN ${gstin('00')}`, undefined],
  ['holder type D is not a PAN holder type', `GSTIN ${gstin('27', 'D')}`, undefined],
  ['14th character not Z', `GSTIN ${gstin('27', 'C', 'Y')}`, undefined],
  ['inside a longer token', `ref X${g1}`, undefined],
  ['followed by more characters', `GSTIN ${g1}7`, undefined],
  ['a product code of a similar shape', 'SKU 12ABCDE1234F1ZX in stock', undefined],
  ['ordinary numbers', 'Invoice 2024 total 15000 rupees incl. 18% GST', undefined],
]);

const p1 = pick('ABCDEFGHJKLMNPRSTUVWY') + nonZero(7);
const p2 = pick('ABCDEFGHJKLMNPRSTUVWY') + nonZero(7);
table('pii.in-passport', inPassport(), [
  ['with "passport no"', `Passport No: ${p1}, issued at Mumbai`, p1],
  ['lower case', `my passport number is ${p2.toLowerCase()}`, p2.toLowerCase()],
  ['Hindi context word', `पासपोर्ट संख्या ${p1}`, p1],
  ['context word after the number', `${p2} is my passport`, p2],
  ['bare value without context', `reference ${p1} attached`, undefined],
  ['letter Q is not issued', `passport Q${nonZero(7)}`, undefined],
  ['letter X is not issued', `passport X${nonZero(7)}`, undefined],
  ['letter Z is not issued', `passport Z${nonZero(7)}`, undefined],
  ['first digit 0', `passport K0${digits(r, 6)}`, undefined],
  ['all-same digits', 'passport K7777777', undefined],
  ['eight digits', `passport K${nonZero(8)}`, undefined],
  ['two letters', `passport KL${nonZero(7)}`, undefined],
]);

const v1 = letters(3) + nonZero(7);
const v2 = letters(3) + nonZero(7);
table('pii.in-voter', inVoter(), [
  ['with "voter id"', `Voter ID: ${v1}`, v1],
  ['with "EPIC no."', `EPIC no. ${v2} (Bengaluru)`, v2],
  ['lower case', `my voter card is ${v1.toLowerCase()}`, v1.toLowerCase()],
  ['Election Commission', `issued by the Election Commission, number ${v2}`, v2],
  ['bare value without context', `ticket ${v1} closed`, undefined],
  ['two letters', `voter id AB${nonZero(7)}`, undefined],
  ['eight digits', `voter id ABC${nonZero(8)}`, undefined],
  ['all-same digits', 'voter id ABC0000000', undefined],
]);

const n4 = () => nonZero(4);
const m1 = `MH 12 AB ${n4()}`;
const m2 = `DL-3C-AB-${n4()}`;
const m3 = `KA01AB${n4()}`;
const m4 = `22 BH ${n4()} AA`;
const m5 = `TN 09 BZ ${n4()}`;
const m6 = `TG 09 ABC ${n4()}`;
table('pii.in-vehicle-registration', inVehicleRegistration(), [
  ['spaced, bare', `parked outside: ${m1}, white Swift`, m1],
  ['hyphenated Delhi mark, bare', `the cab was ${m2}`, m2],
  ['compact, bare', `plate ${m3}`, m3],
  ['Bharat series, bare', `my new car ${m4} arrived`, m4],
  ['with a context word', `vehicle number ${m5}`, m5],
  ['at the start of the text', `${m3} is parked`, m3],
  ['in parentheses with hyphens', `(KA-01-AB-${m3.slice(-4)})`, `KA-01-AB-${m3.slice(-4)}`],
  ['three series letters (Telangana TG), bare', `bike ${m6} parked`, m6],
  ['lower case with context', `car number ${m1.toLowerCase()}`, m1.toLowerCase()],
  ['lower case without context', `see ${m1.toLowerCase()} now`, undefined],
  ['short number with context', 'vehicle reg no DL 1C 123', 'DL 1C 123'],
  ['short number without context', 'seat DL 1C 123', undefined],
  ['no series letters with context', 'registration MH 12 4821', 'MH 12 4821'],
  ['no series letters without context', 'route MH 12 4821', undefined],
  ['unknown state code', `ZZ 12 AB ${n4()}`, undefined],
  ['RTO 00', `vehicle MH 00 AB ${n4()}`, undefined],
  ['number 0000', 'vehicle MH 12 AB 0000', undefined],
  ['four series letters', `vehicle MH 12 ABCD ${n4()}`, undefined],
  ['Bharat series before 2021', `vehicle 19 BH ${n4()} AA`, undefined],
  ['Bharat series letter I', `vehicle 23 BH ${n4()} AI`, undefined],
  ['inside a longer token', `id X${m3}`, undefined],
  ['five-digit number', 'vehicle MH12AB12345', undefined],
  ['prose with a year', 'as 12 of us met up in 2024 for the reunion', undefined],
  ['lower-case words of the same shape', 'up 2 do 3 reps', undefined],
]);

// ---------------------------------------------------------------- Singapore
const year = new Date().getFullYear();
const u1 = uenBusiness();
const u2 = uenLocal();
const u3 = uenOthers('T', '09', 'LL');
const u4 = uenOthers('S', '98', 'CS');
const u5 = uenBusiness();
const u6 = uenOthers('R', '95', 'CC');
table('pii.sg-uen', sgUen(), [
  ['business (ROB) with context', `UEN ${u1}`, u1],
  ['business (ROB) bare', `invoice from ${u5} attached`, u5],
  ['local company (ROC) with context', `ACRA company registration ${u2}`, u2],
  ['local company (ROC) bare', `registered as ${u2}.`, u2],
  ['others (LLP, 2009)', `our LLP ${u3}`, u3],
  ['others (society, 1998)', `Unique Entity Number: ${u4}`, u4],
  ['lower case', `uen ${u3.toLowerCase()}`, u3.toLowerCase()],
  ['others, R prefix (1800s)', `UEN ${u6}`, u6],
  ['business wrong check letter', `UEN ${wrongLast(u1, 'XMKECAWLJDB')}`, undefined],
  ['local company wrong check letter', `UEN ${wrongLast(u2, 'ZKCMDNERGWH')}`, undefined],
  ['others wrong check letter', `UEN ${wrongLast(u3, 'ABCDEFGHJKL')}`, undefined],
  ['local company from a future year', `UEN ${uenLocal(year + 1)}`, undefined],
  ['others from a future year (T)', `UEN ${uenOthers('T', String((year + 1) % 100).padStart(2, '0'), 'LL')}`, undefined],
  ['unknown entity type', `UEN ${uenOthers('T', '09', 'ZQ')}`, undefined],
  ['prefix other than R/S/T', `UEN ${uenOthers('U', '09', 'LL')}`, undefined],
  ['all-same digits', `UEN 00000000${'XMKECAWLJDB'.charAt(0)}`, undefined],
  ['inside a longer token', `ref A${u1}`, undefined],
  ['order number with a letter', 'order 12345678 A shipped', undefined],
]);

// ---------------------------------------------------------------- United States
const b1 = mbi();
const b2 = mbi();
const b3 = mbi();
table('pii.us-mbi', usMbi(), [
  ['compact with context', `Medicare number ${b1}`, b1],
  ['4-3-4 hyphens, bare', `card shows ${mbiHyphens(b2)} on the front`, mbiHyphens(b2)],
  ['compact, bare', `ID on file: ${b3}`, b3],
  ['lower case', `mbi ${b1.toLowerCase()}`, b1.toLowerCase()],
  ['spaced groups', `MBI ${mbiHyphens(b3).replace(/-/g, ' ')}`, mbiHyphens(b3).replace(/-/g, ' ')],
  ['letter S in position 2', `MBI 1S${b1.slice(2)}`, undefined],
  ['letter O in position 8', `MBI ${b1.slice(0, 7)}O${b1.slice(8)}`, undefined],
  ['position 1 is 0', `MBI 0${b1.slice(1)}`, undefined],
  ['mixed separators', `MBI ${mbiHyphens(b2).replace(/-(?=\w{4}$)/, '')}`, undefined],
  ['all-same digits', 'MBI 1AA1AA1AA11', undefined],
  ['a letter where a digit belongs', `MBI ${b1.slice(0, 10)}A`, undefined],
  ['part number with B and Z', 'part 1AB2-CD3-EZ45 in stock', undefined],
]);

const d1 = dea();
const d2 = dea('A', '9');
const d3 = dea();
table('pii.us-dea', usDea(), [
  ['with context', `DEA number ${d1}`, d1],
  ['bare upper case (check digit)', `Signed: Dr. K. Rao, ${d3}`, d3],
  ['business registrant with 9', `DEA registration ${d2}`, d2],
  ['lower case with context', `prescriber dea# ${d3.toLowerCase()}`, d3.toLowerCase()],
  ['lower case without context', `tx ${d1.toLowerCase()} done`, undefined],
  ['wrong check digit', `DEA number ${wrongLast(d1, '0123456789')}`, undefined],
  ['registrant type N', `DEA number N${d1.slice(1)}`, undefined],
  ['registrant type I', `DEA number I${d1.slice(1)}`, undefined],
  ['all-same digits', 'DEA number AB0000000', undefined],
  ['eight digits', `DEA number ${d1}7`, undefined],
]);

// ---------------------------------------------------------------- Italy
const i1 = partitaIva();
const i2 = partitaIva('120');
const i3 = partitaIva('999');
table('pii.it-vat-code', itVatCode(), [
  ['partita IVA', `Partita IVA ${i1}`, i1],
  ['P.IVA', `Fattura intestata a Rossi S.r.l., P.IVA: ${i2}`, i2],
  ['VAT number in English', `our VAT number is ${i3}`, i3],
  ['IT prefix, bare', `billing to IT${i1} please`, `IT${i1}`],
  ['IT prefix with context', `P.IVA IT${i3}`, `IT${i3}`],
  ['IT prefix with a space, bare', `ID: IT ${i2}`, `IT ${i2}`],
  ['lower-case it prefix, compact', `it${i3} on the invoice`, `it${i3}`],
  ['bare eleven digits without context', `ref ${i1} attached`, undefined],
  ['English "it" before a number', `call it ${i1} times`, undefined],
  ['wrong check digit', `Partita IVA ${wrongLast(i1, '0123456789')}`, undefined],
  ['office code 150 does not exist', `Partita IVA ${partitaIva('150')}`, undefined],
  ['office code 000', `Partita IVA ${partitaIva('000')}`, undefined],
  ['twelve digits', `Partita IVA ${i1}3`, undefined],
]);

const l1 = `U1${letters(2)}${digits(r, 2)}${letters(1)}${digits(r, 2)}${letters(1)}`;
const l2 = `${letters(2)}${nonZero(7)}${letters(1)}`;
table('pii.it-driver-license', itDriverLicense(), [
  ['EU format with patente di guida', `patente di guida n. ${l1}`, l1],
  ['older format with numero patente', `numero patente ${l2}`, l2],
  ['English context', `driving licence ${l2}, issued in Rome`, l2],
  ['lower case', `patente ${l1.toLowerCase()}`, l1.toLowerCase()],
  ['bare value without context', `codice ${l2} ok`, undefined],
  ['U1 followed by letters only', 'patente U1ABCDEFGH', undefined],
  ['no final letter', `patente ${l2.slice(0, 9)}`, undefined],
  ['all-same digits', 'patente RM0000000K', undefined],
]);

const c1 = `${letters(2)}${nonZero(7)}`;
const c2 = `C${letters(1)}${nonZero(5)}${letters(2)}`;
table('pii.it-identity-card', itIdentityCard(), [
  ["carta d'identità (paper)", `numero carta d'identità ${c1}`, c1],
  ['CIE', `CIE ${c2} rilasciata dal Comune`, c2],
  ['carta di identità without accent', `carta di identita: ${c2}`, c2],
  ['English context', `identity card ${c1.toLowerCase()}`, c1.toLowerCase()],
  ['bare value without context', `codice ${c2} ok`, undefined],
  ['three letters', `carta d'identità ABC${nonZero(7)}`, undefined],
  ['all-same digits', "carta d'identità CA00000AA", undefined],
  ['six digits', `CIE AB${nonZero(6)}`, undefined],
]);

describe('contextKnown reports bare values of context-required formats', () => {
  const cases: [string, Recognizer, Recognizer, string][] = [
    ['pii.in-passport', inPassport(), inPassport({ contextKnown: true }), p1],
    ['pii.in-voter', inVoter(), inVoter({ contextKnown: true }), v1],
    ['pii.in-vehicle-registration', inVehicleRegistration(), inVehicleRegistration({ contextKnown: true }), 'dl 1c 123'],
    ['pii.it-vat-code', itVatCode(), itVatCode({ contextKnown: true }), i1],
    ['pii.it-driver-license', itDriverLicense(), itDriverLicense({ contextKnown: true }), l2],
    ['pii.it-identity-card', itIdentityCard(), itIdentityCard({ contextKnown: true }), c2],
  ];
  it.each(cases)('%s', (id, plain, known, value) => {
    expect(plain.id).toBe(id);
    expect(found(plain, value)).toEqual([]);
    expect(found(known, value)).toEqual([value]);
  });
});

describe('documented examples', () => {
  it.each([
    [inGstin(), 'GSTIN: 27AZLJH8008M2Z8', '27AZLJH8008M2Z8'],
    [inPassport(), 'passport no. K4729183', 'K4729183'],
    [inVoter(), 'voter id XKR4829105', 'XKR4829105'],
    [inVehicleRegistration(), 'my car is MH 12 AB 1234', 'MH 12 AB 1234'],
    [sgUen(), 'UEN 42191796B', '42191796B'],
    [usMbi(), 'Medicare number 1EG4-TE5-MK73', '1EG4-TE5-MK73'],
    [usDea(), 'DEA number BJ6125341', 'BJ6125341'],
    [itVatCode(), 'P.IVA 04821930585', '04821930585'],
    [itDriverLicense(), 'numero patente U1B72K94XF', 'U1B72K94XF'],
    [itIdentityCard(), "carta d'identità CA48291KB", 'CA48291KB'],
  ] as const)('%#', (rec, text, value) => {
    expect(found(rec, text)).toEqual([value]);
  });
});

describe('linear time on adversarial input', () => {
  const all: Recognizer[] = [
    inGstin(), inPassport(), inVoter(), inVehicleRegistration(), inVehicleRegistration({ contextKnown: true }), sgUen(), usMbi(), usDea(),
    itVatCode(), itVatCode({ contextKnown: true }), itDriverLicense({ contextKnown: true }), itIdentityCard({ contextKnown: true }),
  ];
  const inputs = [
    'A1'.repeat(5e5), '1'.repeat(1e6), 'AB12 '.repeat(2e5), 'MH 12 '.repeat(1.7e5), 'MH12AB'.repeat(1.7e5), '27AAPFU'.repeat(1.5e5),
    'T08LL'.repeat(2e5), '1EG4-'.repeat(2e5), 'IT'.repeat(5e5), 'U1'.repeat(5e5), 'AB1234'.repeat(1.7e5), '22 BH '.repeat(1.7e5),
    'a-'.repeat(5e5), 'passport voter patente carta identità vehicle '.repeat(2e4) + '9'.repeat(5e5),
  ];
  it.each(all.map((rec, i) => [`${rec.id} #${i}`, rec] as const))('%s', (_name, rec) => {
    for (const input of inputs) {
      const t = performance.now();
      rec.find(input, []);
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });
});
