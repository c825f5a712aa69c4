import { describe, expect, it } from 'vitest';
import type { DetectorMatch } from '../../types.js';
import { deHealthInsurance, deKvnrCheckDigit } from './de-health-insurance.js';
import { deLanr } from './de-lanr.js';
import { dePassport, icaoCheckDigit } from './de-passport.js';
import { deSocialSecurity, deSvnrCheckDigit } from './de-social-security.js';
import type { Recognizer } from './recognizer.js';
import { digits, rng } from './test-values.js';
import { ukDrivingLicence } from './uk-driving-licence.js';
import { ukPassport } from './uk-passport.js';
import { ukPostcode } from './uk-postcode.js';
import { ukVehicleRegistration } from './uk-vehicle-registration.js';

const r = rng(20240611);
const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Spans of the findings (score >= 0.5) of `recognizer` in `text`. */
function spans(recognizer: Recognizer, text: string): string[] {
  const out: DetectorMatch[] = [];
  recognizer.find(text, out);
  return out.filter((m) => m.score >= 0.5).map((m) => text.slice(m.start, m.end));
}

interface Row {
  title: string;
  text: string;
  /** The exact span expected, or undefined when nothing may be reported. */
  value?: string;
}

function table(name: string, recognizer: Recognizer, rows: readonly Row[]): void {
  describe(name, () => {
    for (const row of rows) {
      it(`${row.value === undefined ? 'ignores' : 'finds'} ${row.title}`, () => {
        expect(spans(recognizer, row.text)).toEqual(row.value === undefined ? [] : [row.value]);
      });
    }
  });
}

// ---- Builders of fake values (valid structure, check characters computed) ----

/** A DVLA driver number for a fake surname, birth date and initials. */
function driverNumber(surname: string, year: number, month: number, day: number, female: boolean, initials: string): string {
  const s = surname.toUpperCase().slice(0, 5).padEnd(5, '9');
  const yy = String(year % 100).padStart(2, '0');
  const mm = String(month + (female ? 50 : 0)).padStart(2, '0');
  const i = initials.toUpperCase().padEnd(2, '9');
  return `${s}${yy[0]}${mm}${String(day).padStart(2, '0')}${yy[1]}${i}9${pick([...LETTERS])}${pick([...LETTERS, ...'0123456789'])}`;
}
const spaced = (dl: string) => `${dl.slice(0, 5)} ${dl.slice(5, 11)} ${dl.slice(11)}`;

function kvnr(): string {
  const body = pick([...LETTERS]) + digits(r, 8);
  return body + deKvnrCheckDigit(body);
}

function svnr(area = pick(['12', '65', '04', '53', '80']), female = r() < 0.5): string {
  const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const serial = String(Math.floor(r() * 50) + (female ? 50 : 0)).padStart(2, '0');
  const body = `${area}${day}${month}${digits(r, 2)}${pick([...LETTERS])}${serial}`;
  return body + deSvnrCheckDigit(body);
}
const svnrSpaced = (v: string) => `${v.slice(0, 2)} ${v.slice(2, 8)} ${v[8]} ${v.slice(9)}`;
/** The same number with another check digit. */
const wrongLast = (v: string) => v.slice(0, -1) + String(((v.charCodeAt(v.length - 1) - 48 + 3) % 10));

function lanr(): string {
  for (;;) {
    const serial = digits(r, 6);
    if (/^(\d)\1{5}$/.test(serial)) continue;
    let sum = 0;
    for (let i = 0; i < 6; i++) sum += Number(serial[i]) * (i % 2 === 0 ? 4 : 9);
    return `${serial}${(10 - (sum % 10)) % 10}${pick(['01', '03', '23', '51', '79'])}`;
  }
}

const DOC = 'CFGHJKLMNPRTVWXYZ0123456789';
function deDocument(first = 'CFGHJK'): string {
  let v = pick([...first]);
  for (let i = 0; i < 8; i++) v += i === 2 || i === 5 ? pick([...'0123456789']) : pick([...DOC]);
  return v;
}

// ---- UK driving licence ----

const dl1 = driverNumber('Hartley', 1978, 3, 14, false, 'JP');
const dl2 = driverNumber('Ng', 1991, 11, 30, true, 'A');
const dl3 = driverNumber('Cole', 1960, 2, 29, true, 'MR');
const dlBadMonth = `${dl1.slice(0, 6)}13${dl1.slice(8)}`;
const dlBadDay = `${dl1.slice(0, 6)}0431${dl1.slice(10)}`;
const dlBadLeap = driverNumber('Cole', 1961, 2, 29, true, 'MR');

table('pii.uk-driving-licence', ukDrivingLicence(), [
  { title: 'a driver number with a context word', text: `My driving licence number is ${dl1}, issue 12.`, value: dl1 },
  { title: 'a driver number alone', text: `Here you go: ${dl1}`, value: dl1 },
  { title: 'a short surname padded with 9s (woman, month + 50)', text: `DVLA driver number ${dl2}`, value: dl2 },
  { title: 'a birthday on 29 February', text: `licence ${dl3}.`, value: dl3 },
  { title: 'the printed groups', text: `Field 5: ${spaced(dl1)} 35`, value: spaced(dl1) },
  { title: 'a lower-case driver number next to "dvla"', text: `dvla says ${dl1.toLowerCase()} is valid`, value: dl1.toLowerCase() },
  { title: 'an impossible month', text: `driving licence ${dlBadMonth}` },
  { title: 'an impossible day', text: `driving licence ${dlBadDay}` },
  { title: '29 February of a common year', text: `driving licence ${dlBadLeap}` },
  { title: 'a 9 before a letter in the surname part', text: `driving licence HA9TL${dl1.slice(5)}` },
  { title: 'a digit as the first initial', text: `driving licence ${dl1.slice(0, 11)}9P${dl1.slice(13)}` },
  { title: 'mixed case', text: `licence ${dl1.slice(0, 1)}${dl1.slice(1, 5).toLowerCase()}${dl1.slice(5)}` },
  { title: 'mixed separators', text: `licence ${dl1.slice(0, 5)} ${dl1.slice(5)}` },
  { title: 'a product code of a similar length', text: 'part ABCDE1234567XY9Z in stock' },
  { title: 'a longer token', text: `token ${dl1}X` },
]);

// ---- UK passport ----

const ukp9 = `${1 + Math.floor(r() * 8)}${digits(r, 8)}`;
const ukp2 = `${pick(['AB', 'KX', 'PT'])}${digits(r, 7)}`;
table('pii.uk-passport', ukPassport(), [
  { title: 'nine digits next to "passport"', text: `My UK passport number is ${ukp9}.`, value: ukp9 },
  { title: 'two letters and seven digits', text: `HM Passport ${ukp2} expires 2031`, value: ukp2 },
  { title: 'lower-case letters', text: `passport no ${ukp2.toLowerCase()}`, value: ukp2.toLowerCase() },
  { title: 'a bare number without context', text: `reference ${ukp9}` },
  { title: 'an all-same number', text: 'passport 777777777' },
  { title: 'ten digits', text: `passport ${ukp9}1` },
  { title: 'three letters and seven digits', text: `passport Q${ukp2}` },
]);

// ---- UK vehicle registration ----

table('pii.uk-vehicle-registration', ukVehicleRegistration(), [
  { title: 'a current-format mark', text: 'My car reg is LK21 XMP, silver Golf.', value: 'LK21 XMP' },
  { title: 'a September age identifier without the space', text: 'registration: YD71BZF', value: 'YD71BZF' },
  { title: 'a lower-case mark', text: 'number plate sa68 wrt', value: 'sa68 wrt' },
  { title: 'a prefix-format mark', text: 'The vehicle, reg no. P472 HBC, was sold.', value: 'P472 HBC' },
  { title: 'a Q plate', text: 'plate Q59 RKT', value: 'Q59 RKT' },
  { title: 'a suffix-format mark', text: 'classic car reg GTR 38K', value: 'GTR 38K' },
  { title: 'a mark without a registration word', text: 'meet me at LK21 XMP tomorrow' },
  { title: 'an area code with Q', text: 'registration QK21 XMP' },
  { title: 'a random letter I', text: 'registration LK21 XIP' },
  { title: 'age identifier 01', text: 'registration LK01 XMP' },
  { title: 'a suffix letter O', text: 'registration GTR 38O' },
  { title: 'a leading zero in the number', text: 'registration P072 HBC' },
  { title: 'mixed case', text: 'registration Lk21 xMP' },
  { title: 'a longer model code', text: 'vehicle model AB123CDE' },
]);

// ---- UK postcode ----

table('pii.uk-postcode', ukPostcode(), [
  { title: 'a capitalised postcode with its space', text: 'Send it to 14 Acacia Road, Leeds LS6 2QT.', value: 'LS6 2QT' },
  { title: 'an AA9A outward code', text: 'Office: 10 Example St, London EC1A 4JQ', value: 'EC1A 4JQ' },
  { title: 'an A9A outward code', text: 'flat 2, W1T 3BN', value: 'W1T 3BN' },
  { title: 'an AA99 outward code', text: 'Manchester M14 5RL and Leeds', value: 'M14 5RL' },
  { title: 'GIR 0AA', text: 'Girobank GIR 0AA', value: 'GIR 0AA' },
  { title: 'a lower-case postcode next to "postcode"', text: 'my postcode is ls6 2qt', value: 'ls6 2qt' },
  { title: 'a compact postcode next to "address"', text: 'address: 3 Mill Lane, CB22QR', value: 'CB22QR' },
  { title: 'a lower-case postcode alone', text: 'see you at ls6 2qt then' },
  { title: 'a compact postcode alone', text: 'code CB22QR applied' },
  { title: 'an unknown area', text: 'Leeds XM4 5HQ' },
  { title: 'a forbidden inward letter (C)', text: 'Leeds LS6 2CT' },
  { title: 'a forbidden first letter (Q)', text: 'QA6 2QT' },
  { title: 'a forbidden third-position letter', text: 'W1Z 3BN' },
  { title: 'a longer token', text: 'item LS6 2QTX' },
  { title: 'memory sizes', text: 'laptop with 8GB and 2TB' },
]);

// ---- German KVNR ----

const kv1 = kvnr();
const kv2 = kvnr();
table('pii.de-health-insurance', deHealthInsurance(), [
  { title: 'a KVNR with a context word', text: `Versichertennummer: ${kv1} (AOK)`, value: kv1 },
  { title: 'a KVNR alone', text: `Bitte notieren: ${kv2}.`, value: kv2 },
  { title: 'a lower-case letter', text: `kvnr ${kv1.toLowerCase()}`, value: kv1.toLowerCase() },
  { title: 'a wrong check digit', text: `Krankenversichertennummer ${wrongLast(kv1)}` },
  { title: 'all-same digits', text: `Versichertennummer ${'A11111111'}${deKvnrCheckDigit('A11111111')}` },
  { title: 'an order number', text: `order number ${kv2}` },
  { title: 'two letters', text: `code X${kv1}` },
]);

// ---- German social security number ----

const sv1 = svnr();
const sv2 = svnr('53', true);
const svUnknownDay = (() => {
  const body = `4200078${digits(r, 1)}K12`;
  return body + deSvnrCheckDigit(body);
})();
const svRaised = (() => {
  const body = `1047128${digits(r, 1)}B07`; // day 15 + 32
  return body + deSvnrCheckDigit(body);
})();
const svBadArea = (() => {
  const body = `22${sv1.slice(2, 11)}`;
  return body + deSvnrCheckDigit(body);
})();
const svBadDate = (() => {
  const body = `123102${digits(r, 2)}M15`;
  return body + deSvnrCheckDigit(body);
})();
table('pii.de-social-security', deSocialSecurity(), [
  { title: 'a compact number with a context word', text: `Meine Sozialversicherungsnummer ist ${sv1}.`, value: sv1 },
  { title: 'the printed groups alone', text: `Nummer: ${svnrSpaced(sv2)}`, value: svnrSpaced(sv2) },
  { title: 'a lower-case letter', text: `rvnr ${sv1.toLowerCase()}`, value: sv1.toLowerCase() },
  { title: 'an unknown birth day (00)', text: `SV-Nummer ${svUnknownDay}`, value: svUnknownDay },
  { title: 'a birth day raised by 32', text: `SV-Nummer ${svRaised}`, value: svRaised },
  { title: 'a wrong check digit', text: `SV-Nummer ${wrongLast(sv1)}` },
  { title: 'an unknown area number', text: `SV-Nummer ${svBadArea}` },
  { title: '31 February', text: `SV-Nummer ${svBadDate}` },
  { title: 'a date-like code', text: 'Ticket 20240611A123 erledigt' },
]);

// ---- German LANR ----

const la1 = lanr();
const laBad = `${la1.slice(0, 6)}${(Number(la1[6]) + 5) % 10}${la1.slice(7)}`;
table('pii.de-lanr', deLanr(), [
  { title: 'a LANR next to "LANR"', text: `LANR: ${la1}, BSNR folgt`, value: la1 },
  { title: 'a LANR next to "Arztnummer"', text: `lebenslange Arztnummer ${la1}`, value: la1 },
  { title: 'a bare number', text: `Summe ${la1}` },
  { title: 'a wrong check digit', text: `LANR ${laBad}` },
  { title: 'an all-same serial', text: 'LANR 999999900' },
  { title: 'ten digits', text: `LANR ${la1}0` },
]);

// ---- German passport / ID card ----

const dp1 = deDocument();
const dp2 = deDocument('LMNPRTVWXYZ');
const dp1Checked = dp1 + icaoCheckDigit(dp1);
const dp1Wrong = dp1 + ((icaoCheckDigit(dp1) + 1) % 10);
table('pii.de-passport', dePassport(), [
  { title: 'a passport number next to "Reisepass"', text: `Reisepass-Nr. ${dp1} gültig bis 2030`, value: dp1 },
  { title: 'an ID card number', text: `Personalausweis: ${dp2}`, value: dp2 },
  { title: 'a number with its MRZ check digit', text: `passport no ${dp1Checked}`, value: dp1Checked },
  { title: 'a lower-case number', text: `ausweisnummer ${dp2.toLowerCase()}`, value: dp2.toLowerCase() },
  { title: 'a wrong check digit', text: `Reisepass ${dp1Wrong}` },
  { title: 'a bare number', text: `Code ${dp1} eingeben` },
  { title: 'a vowel', text: 'Reisepass C01A00T47' },
  { title: 'a leading digit', text: 'Reisepass 1C0X00T47' },
  { title: 'a word', text: 'Ausweis: PASSWORDS' },
]);

describe('contextKnown', () => {
  it('reports bare values of the context-required formats', () => {
    expect(spans(ukPassport({ contextKnown: true }), `value ${ukp9}`)).toEqual([ukp9]);
    expect(spans(ukVehicleRegistration({ contextKnown: true }), 'value LK21 XMP')).toEqual(['LK21 XMP']);
    expect(spans(deLanr({ contextKnown: true }), `value ${la1}`)).toEqual([la1]);
    expect(spans(dePassport({ contextKnown: true }), `value ${dp1}`)).toEqual([dp1]);
    // Still validated.
    expect(spans(deLanr({ contextKnown: true }), `value ${laBad}`)).toEqual([]);
  });
});

describe('scores', () => {
  it('reports strong formats alone at 0.6-0.85 and raises them next to a context word', () => {
    const score = (rec: Recognizer, text: string) => {
      const out: DetectorMatch[] = [];
      rec.find(text, out);
      return out[0]?.score;
    };
    expect(score(ukDrivingLicence(), `x ${dl1}`)).toBe(0.7);
    expect(score(ukDrivingLicence(), `driving licence ${dl1}`)).toBe(0.95);
    expect(score(ukPostcode(), 'at LS6 2QT')).toBe(0.6);
    expect(score(ukPostcode(), 'at ls6 2qt')).toBe(0.3);
    expect(score(deHealthInsurance(), `x ${kv1}`)).toBe(0.6);
    expect(score(deSocialSecurity(), `x ${sv1}`)).toBe(0.6);
    expect(score(deSocialSecurity(), `svnr ${sv1}`)).toBe(0.95);
  });
});

describe('builders', () => {
  it('computes the published check digits', () => {
    // VKVV § 2 (6) worked example (Wikipedia, Versicherungsnummer): 65 170839 J 003.
    expect(deSvnrCheckDigit('65170839J00')).toBe(3);
    // KVNR A123456780 (A = 01): 0+2+1+4+3+8+5+3+7+7 = 40.
    expect(deKvnrCheckDigit('A12345678')).toBe(0);
    // ICAO 9303 appendix example document number L898902C3 -> 6.
    expect(icaoCheckDigit('L898902C3')).toBe(6);
  });
});

describe('linear time', () => {
  const prefix = 'passport reisepass lanr registration postcode driving licence kvnr svnr ';
  const inputs = [
    'A1'.repeat(5e5),
    '1'.repeat(1e6),
    'AB12 '.repeat(2e5),
    'A1A '.repeat(25e4),
    'HARRI'.repeat(2e5),
    'HARRI 612089 '.repeat(77e3),
    'HA999'.repeat(2e5),
    'SW1A '.repeat(2e5),
    'LS6 2QT '.repeat(125e3),
    'LK21 '.repeat(2e5),
    'GTR 38'.repeat(166e3),
    'A123456780 '.repeat(9e4),
    '12 150385 M '.repeat(83e3),
    'C4JX92FT7'.repeat(111e3),
    'CFGHJ'.repeat(2e5),
  ].map((s) => prefix + s);
  const recognizers = [ukDrivingLicence(), ukPassport(), ukVehicleRegistration(), ukPostcode(), deHealthInsurance(), deSocialSecurity(), deLanr(), dePassport()];
  for (const rec of recognizers) {
    it(`${rec.id} finishes 1 MB adversarial inputs`, () => {
      for (const text of inputs) {
        const t0 = performance.now();
        rec.find(text, []);
        expect(performance.now() - t0).toBeLessThan(2000);
      }
    });
  }
});
