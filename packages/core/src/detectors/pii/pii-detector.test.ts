import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256.js';
import { piiDetector } from './pii-detector.js';
import { customRecognizer } from './recognizer.js';
import { validItFiscalCode } from './it-fiscal-code.js';
import { bsn, card, deTaxId, digits, esNie, esNif, iban, nhs, pesel, rng } from './test-values.js';

const r = rng(42);
const detector = piiDetector();
const kindsIn = (text: string) => detector.detect(text).filter((m) => m.score >= 0.5).map((m) => m.kind);
const spanOf = (text: string, kind: string) => {
  const m = detector.detect(text).find((x) => x.kind === kind && x.score >= 0.5);
  return m === undefined ? undefined : text.slice(m.start, m.end);
};

// Builders for identifiers whose check characters are not digits.
function fiscalCode(): string {
  const body = `RSSMRA${digits(r, 2)}T${String(10 + Math.floor(r() * 18))}H${digits(r, 3)}`;
  for (let c = 65; c <= 90; c++) if (validItFiscalCode(body + String.fromCharCode(c))) return body + String.fromCharCode(c);
  throw new Error('unreachable');
}
function nir(): string {
  const body = `1${digits(r, 2)}0${1 + Math.floor(r() * 9)}75${digits(r, 6)}`;
  const key = 97n - (BigInt(body) % 97n);
  return body + String(key).padStart(2, '0');
}
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58check(version: number): string {
  const payload = new Uint8Array(21);
  payload[0] = version;
  for (let i = 1; i < 21; i++) payload[i] = Math.floor(r() * 256);
  const check = sha256(sha256(payload)).subarray(0, 4);
  const bytes = [...payload, ...check];
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    s = `1${s}`;
  }
  return s;
}

const cardNumber = card(r);
const cardSpaced = cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
const ibanValue = iban('DE', digits(r, 18));

const cases: { title: string; text: string; kind: string; value?: string }[] = [
  { title: 'an email address', text: 'write to robin.example@example.invalid today', kind: 'pii.email', value: 'robin.example@example.invalid' },
  { title: 'a US phone number', text: 'call me at (212) 555-0148 tonight', kind: 'pii.phone', value: '(212) 555-0148' },
  { title: 'an international phone number', text: 'office: +44 20 7946 0958', kind: 'pii.phone', value: '+44 20 7946 0958' },
  { title: 'a card number with spaces', text: `card ${cardSpaced} exp 12/30`, kind: 'pii.credit-card', value: cardSpaced },
  { title: 'a card number without separators', text: `my card is ${cardNumber}.`, kind: 'pii.credit-card', value: cardNumber },
  { title: 'an IBAN', text: `IBAN: ${ibanValue}`, kind: 'pii.iban', value: ibanValue },
  { title: 'an IBAN printed in groups', text: `pay to ${ibanValue.replace(/(.{4})/g, '$1 ').trim()} please`, kind: 'pii.iban' },
  { title: 'an SSN', text: `SSN: 536-${digits(r, 2).replace(/^00$/, '12')}-${String(1000 + Math.floor(r() * 8999))}`, kind: 'pii.us-ssn' },
  { title: 'an ITIN', text: 'ITIN 912-70-1234', kind: 'pii.us-itin' },
  { title: 'a public IPv4 address', text: 'from 93.184.216.34 again', kind: 'pii.ip-address', value: '93.184.216.34' },
  { title: 'a private IPv4 address', text: 'host 10.0.0.7 is down', kind: 'pii.ip-address.private' },
  { title: 'an IPv6 loopback', text: 'listening on ::1 now', kind: 'pii.ip-address.loopback' },
  { title: 'an IPv6 link-local address with a zone', text: 'peer fe80::2c1:b2ff:fe3d:4e5f%eth0 up', kind: 'pii.ip-address.link-local', value: 'fe80::2c1:b2ff:fe3d:4e5f%eth0' },
  { title: 'an IPv4-mapped IPv6 address', text: 'client ::ffff:192.168.1.10 connected', kind: 'pii.ip-address.private' },
  { title: 'a MAC address', text: 'MAC: 0A:1B:2C:3D:4E:5F', kind: 'pii.mac-address', value: '0A:1B:2C:3D:4E:5F' },
  { title: 'a URL with credentials', text: `see https://bob:${digits(r, 6)}x@example.org/x`, kind: 'pii.url-credentials' },
  { title: 'a Bitcoin P2PKH address', text: `send to ${base58check(0)}`, kind: 'pii.crypto-wallet' },
  { title: 'a Bitcoin bech32 address (BIP-173 test vector)', text: 'send to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', kind: 'pii.crypto-wallet' },
  { title: 'an EIP-55 checksummed Ethereum address (EIP-55 test vector)', text: 'eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', kind: 'pii.crypto-wallet' },
  { title: 'a date of birth', text: 'I was born on 14 July 1979 in Leeds', kind: 'pii.date-of-birth', value: '14 July 1979' },
  { title: 'a US passport number with context', text: 'passport number X48201937', kind: 'pii.us-passport' },
  { title: 'a US driver licence with context', text: "driver's license D1234567", kind: 'pii.us-driver-license' },
  { title: 'a UK National Insurance number', text: 'NI number: AB 12 34 56 C', kind: 'pii.uk-nino' },
  { title: 'a UK NHS number', text: `NHS number ${nhs(r).replace(/^(\d{3})(\d{3})/, '$1 $2 ')}`, kind: 'pii.uk-nhs' },
  { title: 'a German tax id', text: `Steuer-ID: ${deTaxId(r)}`, kind: 'pii.de-tax-id' },
  { title: 'a Spanish DNI', text: `DNI ${esNif(r)}`, kind: 'pii.es-nif' },
  { title: 'a Spanish NIE', text: `NIE ${esNie(r)}`, kind: 'pii.es-nie' },
  { title: 'an Italian fiscal code', text: `codice fiscale ${fiscalCode()}`, kind: 'pii.it-fiscal-code' },
  { title: 'a French NIR', text: `NIR ${nir()}`, kind: 'pii.fr-nir' },
  { title: 'a PESEL', text: `PESEL ${pesel(r)}`, kind: 'pii.pl-pesel' },
  { title: 'a BSN with context', text: `BSN: ${bsn(r)}`, kind: 'pii.nl-bsn' },
  { title: 'a full name', text: 'Please forward this to Maria Keller tomorrow.', kind: 'pii.person-name', value: 'Maria Keller' },
  { title: 'a name after "my name is"', text: 'hi, my name is Wilhelmina and I need help', kind: 'pii.person-name', value: 'Wilhelmina' },
  { title: 'a name after a title', text: 'Dr. Okonkwo will see you', kind: 'pii.person-name', value: 'Okonkwo' },
  { title: 'a US street address', text: 'ship it to 1600 Pennsylvania Ave NW, Washington, DC 20500 please', kind: 'pii.street-address' },
  { title: 'a German street address', text: 'Ich wohne in der Hauptstraße 5, 10115 Berlin', kind: 'pii.street-address' },
  { title: 'an intersection', text: 'meet me at the corner of 52 Maple Avenue and Birch Lane tonight', kind: 'pii.street-address', value: '52 Maple Avenue and Birch Lane' },
  { title: 'a unit number before the house number', text: 'send it to 12 4410 Harbor Street, Oakland', kind: 'pii.street-address', value: '12 4410 Harbor Street, Oakland' },
  { title: 'a first name introduced by a relation', text: 'It is a gift for my nephew Oscar, so no invoice please.', kind: 'pii.person-name', value: 'Oscar' },
  { title: 'a first name under a Spanish sign-off', text: 'Saludos,\nJoaquín', kind: 'pii.person-name', value: 'Joaquín' },
  { title: 'a first name after a people verb', text: 'Escalated to Marcus in billing.', kind: 'pii.person-name', value: 'Marcus' },
  { title: 'an address with a directional, a suite, a city, a state and a ZIP', text: 'Send it to 2210 Maple Grove Rd NW, Suite 14, Salem, OR 97304 please', kind: 'pii.street-address', value: '2210 Maple Grove Rd NW, Suite 14, Salem, OR 97304' },
  { title: 'a street name that is itself a street type', text: 'Meet at 18 Orchard Park Lane tomorrow', kind: 'pii.street-address', value: '18 Orchard Park Lane' },
  { title: 'a unit written before the street line', text: 'New address: Unit 7, 42 Harbour Road, Bristol BS1 5TT', kind: 'pii.street-address', value: 'Unit 7, 42 Harbour Road, Bristol BS1 5TT' },
  { title: 'an address typed in lower case', text: 'drop it at 58 elm st, dayton oh 45402 thx', kind: 'pii.street-address', value: '58 elm st, dayton oh 45402' },
  { title: 'a French address (number, street type, name)', text: 'Le colis va au 12 Rue des Lilas, 75020 Paris demain.', kind: 'pii.street-address', value: '12 Rue des Lilas, 75020 Paris' },
  { title: 'a Polish address with a flat number and postcode', text: 'Adres: ul. Lipowa 7/3, 20-020 Lublin', kind: 'pii.street-address', value: 'ul. Lipowa 7/3, 20-020 Lublin' },
  { title: 'a unit word without a number after the street', text: 'order a flat white at 5 Main St flat white', kind: 'pii.street-address', value: '5 Main St' },
  { title: 'a city that ends its sentence', text: 'Ship to 12 Oak Street, Springfield. Thanks Again Bob', kind: 'pii.street-address', value: '12 Oak Street, Springfield' },
  { title: 'a street word written apart', text: 'Teslimat: Atatürk Caddesi 58, Izmir', kind: 'pii.street-address', value: 'Atatürk Caddesi 58, Izmir' },
  { title: 'a postal block whose street line has no street word, with its unit line', text: 'Invoice to:\nHanna Kowalczyk\n4412 Brzozowa 17\nApt. 9\nTORUN\nPoland 87100', kind: 'pii.street-address', value: '4412 Brzozowa 17\nApt. 9\nTORUN\nPoland 87100' },
  { title: 'a second street name on the street line', text: 'send it to 27 Larch Road Hollins Crescent, Leeds', kind: 'pii.street-address', value: '27 Larch Road Hollins Crescent, Leeds' },
  { title: 'a continental street after a cue, without the cue words', text: "I'll meet you at Brunnengata 14 tonight", kind: 'pii.street-address', value: 'Brunnengata 14' },
  { title: 'a country and postcode line after a blank line', text: 'Ørstedsvej 8\nApt. 3\nVejle\n\nDenmark 7100', kind: 'pii.street-address', value: 'Ørstedsvej 8\nApt. 3\nVejle\n\nDenmark 7100' },
  { title: 'a first name spoken to before a request', text: 'Radomir, could you send the invoice again?', kind: 'pii.person-name', value: 'Radomir' },
  { title: 'a first name spoken to at the end of an exclamation', text: 'Stop worrying about the deadline, Ottilie!', kind: 'pii.person-name', value: 'Ottilie' },
  { title: 'a first name before a people verb', text: 'Ingrid shouted at the printer again.', kind: 'pii.person-name', value: 'Ingrid' },
  { title: 'a nickname after "calls me"', text: 'Everyone at work calls me Tiggy.', kind: 'pii.person-name', value: 'Tiggy' },
  { title: 'a lower-case name with a Latin Extended letter', text: 'my friends call me radoš', kind: 'pii.person-name', value: 'radoš' },
  { title: 'a double-barrelled surname and an apostrophe', text: "Please forward this to Siobhan O'Rourke-Byrne today.", kind: 'pii.person-name', value: "Siobhan O'Rourke-Byrne" },
  { title: 'a first name after "it\'s" (a caller introducing themselves)', text: "Hey! It's Rosamund, new number.", kind: 'pii.person-name', value: 'Rosamund' },
  { title: 'a name with lower-case particles', text: 'Please send the contract to Anneliese van der Berghe today.', kind: 'pii.person-name', value: 'Anneliese van der Berghe' },
  { title: 'a Vietnamese name', text: 'Reminder: Trần Thị Hoa, your appointment is at 10:00.', kind: 'pii.person-name', value: 'Trần Thị Hoa' },
  { title: 'a street with a staircase letter, a flat number and a postcode', text: 'Toimitusosoite: Satakunnankatu 18 C 41, 33210 Tampere', kind: 'pii.street-address', value: 'Satakunnankatu 18 C 41, 33210 Tampere' },
  { title: 'a street number after "No:"', text: 'Kargo adresi: Cumhuriyet Caddesi No: 57 Daire 4, Ankara', kind: 'pii.street-address', value: 'Cumhuriyet Caddesi No: 57 Daire 4, Ankara' },
  { title: 'a postcode and city written before the street', text: 'Cím: 1137 Budapest, Pozsonyi út 12.', kind: 'pii.street-address', value: '1137 Budapest, Pozsonyi út 12.' },
  { title: 'a three-digit postcode before the city', text: 'Address: Skólavörðustígur 40, 101 Reykjavík', kind: 'pii.street-address', value: 'Skólavörðustígur 40, 101 Reykjavík' },
  { title: 'a block before the house number, a numbered avenue and a floor-unit number', text: 'Deliver to Blk 508 Tampines Ave 4, #11-207, Singapore 520508 please', kind: 'pii.street-address', value: 'Blk 508 Tampines Ave 4, #11-207, Singapore 520508' },
  { title: 'a villa, a numbered street and a numbered district', text: 'My address is Villa 7, Street 18, Al Safa 1, Dubai.', kind: 'pii.street-address', value: 'Villa 7, Street 18, Al Safa 1, Dubai' },
  { title: 'a count after a street is not its number', text: 'We walked past 12 Oak Road 3 times looking for it', kind: 'pii.street-address', value: '12 Oak Road' },
  { title: 'a Mexican colonia after the street', text: 'Envío a Avenida Insurgentes 1450, Col. Del Valle, 03100 Ciudad de México', kind: 'pii.street-address', value: 'Avenida Insurgentes 1450, Col. Del Valle, 03100 Ciudad de México' },
  { title: 'a first name joined to a pronoun', text: 'It was settled between him and Zofia, nobody else.', kind: 'pii.person-name', value: 'Zofia' },
  { title: 'a first name after a verb of giving', text: 'The landlord had given Wenceslas the spare key.', kind: 'pii.person-name', value: 'Wenceslas' },
];

describe('piiDetector() finds', () => {
  it.each(cases)('$title', ({ text, kind, value }) => {
    expect(kindsIn(text)).toContain(kind);
    if (value !== undefined) expect(spanOf(text, kind)).toBe(value);
  });
});

const negatives: { title: string; text: string; kind: string }[] = [
  { title: 'a Luhn-invalid 16-digit number as a card', text: `ref ${cardNumber.slice(0, -1)}${(Number(cardNumber.slice(-1)) + 1) % 10}`, kind: 'pii.credit-card' },
  { title: 'a Luhn-valid number outside every issuer range as a card', text: `id ${card(r, '0', 16)}`, kind: 'pii.credit-card' },
  { title: 'an IBAN with a wrong check', text: `IBAN ${ibanValue.slice(0, 2)}${String((Number(ibanValue.slice(2, 4)) + 1) % 100).padStart(2, '0')}${ibanValue.slice(4)}`, kind: 'pii.iban' },
  { title: 'an SSN with area 000', text: 'SSN 000-12-3456', kind: 'pii.us-ssn' },
  { title: 'an SSN with area 666', text: 'SSN 666-12-3456', kind: 'pii.us-ssn' },
  { title: 'a version number as an IP address', text: 'upgrade to 1.2.3 now', kind: 'pii.ip-address' },
  { title: 'a C++ scope as IPv6', text: 'call std::vector::size()', kind: 'pii.ip-address' },
  { title: 'a time as IPv6', text: 'meet at 10:30:45', kind: 'pii.ip-address' },
  { title: 'the broadcast MAC address', text: 'dst FF:FF:FF:FF:FF:FF', kind: 'pii.mac-address' },
  { title: 'a date without a birth word', text: 'the meeting is on 12 March 2024', kind: 'pii.date-of-birth' },
  { title: 'a nine-digit number without a passport word', text: 'order 123456789 shipped', kind: 'pii.us-passport' },
  { title: 'a NINO with a prefix that is never issued', text: 'NINO BG 12 34 56 C', kind: 'pii.uk-nino' },
  { title: 'a URL with a placeholder password', text: 'https://user:${PASSWORD}@example.org', kind: 'pii.url-credentials' },
  { title: 'a place name as a person', text: 'We flew to New York City last week.', kind: 'pii.person-name' },
  { title: 'a capitalised word after a people verb', text: 'Call Support if the app crashes again.', kind: 'pii.person-name' },
  { title: 'a walk, a rise and an approach that are not streets', text: 'a 10 minute walk, a 5 percent rise and a 3 step approach', kind: 'pii.street-address' },
  { title: 'a title-case phrase after a number', text: 'Set 3 Place Settings for the table', kind: 'pii.street-address' },
  { title: 'a department after a people verb', text: 'Escalated to Engineering. Approved by Legal.', kind: 'pii.person-name' },
  { title: 'numbers before words that are street types in French', text: 'I have 2 routes to work and 3 places to eat.', kind: 'pii.street-address' },
  { title: 'a Title Case headline as a person', text: 'Read Guilty Pleasures Of The Decade now', kind: 'pii.person-name' },
  { title: 'a contraction after a greeting', text: "Hello, I'm writing about my order.", kind: 'pii.person-name' },
  { title: 'a firm name before "& Co"', text: 'Partner at Whitcombe & Co, chartered accountants', kind: 'pii.person-name' },
  { title: 'German words at a sentence start', text: 'Vielen Dank für Ihre Nachricht. Bei Fragen erreichen Sie uns jederzeit.', kind: 'pii.person-name' },
  { title: 'a chapter and a unit of a textbook', text: 'Chapter 4\nUnit 2: Fractions and decimals', kind: 'pii.street-address' },
  { title: 'a sentence adverb before a request', text: 'Additionally, can you list the steps?', kind: 'pii.person-name' },
  { title: 'a list of departments after a word for people', text: 'Team members: Design, Marketing and Sales.', kind: 'pii.person-name' },
  { title: 'a hyphenated compound of ordinary words', text: 'Try Task-Oriented Prompting on this one.', kind: 'pii.person-name' },
  { title: 'a place after a comma at the end of a question', text: 'What is the weather in Los Angeles, Ventura?', kind: 'pii.person-name' },
  { title: 'a possessive before a verb', text: "It changed Americans' lives forever.", kind: 'pii.person-name' },
  { title: "a company named by its trade ('Broadband', 'Robotics')", text: 'Hi, this is support from Quillfeather Broadband. Our partner Zenthwick Robotics called.', kind: 'pii.person-name' },
  { title: "a clinic, a club and a centre", text: 'Bring the form to Alderbrook Paediatrics Clinic, Riverside Tennis Club or Hollowmere Community Centre.', kind: 'pii.person-name' },
  { title: "a quarter and a street with abbreviated types", text: 'Kargo: Yıldırımtepe Mah. Çınaraltı Cad. No: 12, Ankara', kind: 'pii.person-name' },
];

describe('piiDetector() reads a list of people', () => {
  it('reports every name of a list after a word for people and a colon', () => {
    const text = 'They had 3 children: Bartholomew, Ingeborg Tamm and Casimir.';
    const names = piiDetector().detect(text).filter((m) => m.kind === 'pii.person-name').map((m) => text.slice(m.start, m.end));
    expect(names).toEqual(['Bartholomew', 'Ingeborg Tamm', 'Casimir']);
  });
});

describe('piiDetector() reads people in structured text', () => {
  const names = (text: string) => piiDetector().detect(text).filter((m) => m.kind === 'pii.person-name').map((m) => text.slice(m.start, m.end));
  it('reports the names of a list with notes in brackets and initials', () => {
    expect(names('Present: TK, Ingeborg (chair), Radomir (notes), Wilhelmina')).toEqual(['Ingeborg', 'Radomir', 'Wilhelmina']);
  });
  it('reports the cells of the name columns of a table', () => {
    const text = 'id;first_name;last_name;team\n7;Ottilie;Brandvold;Design\n8;Kasimir;Oyelaran;Data\n\nTotal: 2';
    expect(names(text)).toEqual(['Ottilie', 'Brandvold', 'Kasimir', 'Oyelaran']);
  });
  it('reports the name of a signature, not the job title under it', () => {
    expect(names('Un saludo,\nInés Castañeda Robles\nDirectora de Operaciones')).toEqual(['Inés Castañeda Robles']);
  });
  it('does not read a table without a name column', () => {
    expect(names('sku,colour,size\n101,Midnight Blue,XL\n102,Forest Green,M')).toEqual([]);
  });
});

describe('piiDetector() does not report', () => {
  it.each(negatives)('$title', ({ text, kind }) => {
    expect(kindsIn(text)).not.toContain(kind);
  });
});

describe('piiDetector() options', () => {
  it('restricts and excludes entities', () => {
    const only = piiDetector({ entities: ['email'] });
    expect(only.detect('robin.example@example.invalid 10.0.0.7').map((m) => m.kind)).toEqual(['pii.email']);
    const without = piiDetector({ exclude: ['person-name'] });
    expect(without.detect('Please ask Maria Keller').map((m) => m.kind)).toEqual([]);
  });

  it('can leave internal IP addresses out', () => {
    expect(piiDetector({ internalIps: false }).detect('10.0.0.7 and 93.184.216.34').map((m) => m.kind)).toEqual(['pii.ip-address']);
  });

  it('reads a weak number run inside a street address as part of the address, not a phone', () => {
    const d = piiDetector();
    const inAddress = 'Our office is at 21508 3310 Larkspur Road Suite 12, Dayton';
    expect(d.detect(inAddress).map((m) => m.kind)).toEqual(['pii.street-address']);
    // The same digits next to a phone word, outside an address, are a phone number.
    expect(d.detect('call the office at 21508 3310 tomorrow').map((m) => m.kind)).toEqual(['pii.phone']);
  });

  it('uses phone region hints', () => {
    const fr = piiDetector({ entities: ['phone'], phoneRegions: ['FR'] });
    expect(fr.detect('appelez le 01 42 68 53 00').map((m) => m.kind)).toEqual(['pii.phone']);
  });

  it('reports bare numbers of the entities the text is known to hold (knownEntities), and only those', () => {
    // Free text: a bare nine-digit number is not a passport, and a bare run of digits not a licence.
    expect(piiDetector({ entities: ['us-passport'] }).detect('912803456')).toEqual([]);
    expect(piiDetector({ entities: ['us-driver-license'] }).detect('D1234567 and 1234567890')).toEqual([]);
    // A passport field: the same number is one, scored as if the word were next to it.
    const passports = piiDetector({ entities: ['us-passport', 'us-driver-license'], knownEntities: ['us-passport'] });
    const found = passports.detect('912803456');
    expect(found.map((m) => [m.kind, m.start, m.end])).toEqual([['pii.us-passport', 0, 9]]);
    expect(found[0]?.score).toBe(piiDetector().detect('passport 912803456').find((m) => m.kind === 'pii.us-passport')?.score);
    // The format and validator still apply, and licences are still not known.
    expect(passports.detect('A1280345 111111111 D1234567')).toEqual([]);
    const licences = piiDetector({ entities: ['us-driver-license'], knownEntities: ['us-driver-license'] });
    expect(licences.detect('D1234567 and 1234567890 and 1234').map((m) => m.start)).toEqual([0, 13]);
    // Negative context words still drop a number.
    expect(licences.detect('order 1234567890')).toEqual([]);
    expect(() => piiDetector({ knownEntities: ['pasport' as never] })).toThrow(/unknown entity "pasport"/);
  });

  it('names the unknown entity in its error', () => {
    expect(() => piiDetector({ entities: ['emial' as never] })).toThrow(/unknown entity "emial"/);
  });

  it('stays linear on adversarial input (these complete within the test timeout)', () => {
    const inputs = ['1'.repeat(1e6), 'a@'.repeat(5e5), '1 '.repeat(5e5), 'A'.repeat(1e6), 'Aaa '.repeat(2.5e5), `${'QmFzZTY0'.repeat(1.25e5)}`, ':'.repeat(1e6), '1.'.repeat(5e5), '12:'.repeat(3e5)];
    for (const input of inputs) expect(Array.isArray(detector.detect(input))).toBe(true);
  });
});

describe('customRecognizer()', () => {
  const employeeId = customRecognizer({
    id: 'pii.employee-id',
    pattern: /\bE\d{7}\b/,
    validate: (v) => v !== 'E0000000',
    score: 0.4,
    context: ['employee', 'staff id'],
    contextScore: 0.85,
  });

  it('scores like a built-in: low alone, raised by a context word, validated', () => {
    const d = piiDetector({ entities: [], custom: [employeeId] });
    expect(d.detect('ref E7302915')).toEqual([{ start: 4, end: 12, kind: 'pii.employee-id', score: 0.4 }]);
    expect(d.detect('employee E7302915')[0]?.score).toBeCloseTo(0.85);
    expect(d.detect('employee E0000000')).toEqual([]);
  });

  it('is merged with the built-ins (overlaps resolved the same way)', () => {
    const d = piiDetector({ custom: [employeeId] });
    expect(d.detect('employee E7302915, mail robin.example@example.invalid').map((m) => m.kind).sort()).toEqual(['pii.email', 'pii.employee-id']);
  });

  it.each([
    [{ id: 'Bad Id', pattern: /x/, score: 0.5 }, /kebab-case/],
    [{ id: 'pii.x', pattern: 'x', score: 0.5 }, /RegExp/],
    [{ id: 'pii.x', pattern: /x*/, score: 0.5 }, /empty string/],
    [{ id: 'pii.x', pattern: /x/, score: 2 }, /0\.\.1/],
    [{ id: 'pii.x', pattern: /x/, score: 0.5, context: [''] }, /non-empty strings/],
  ])('rejects invalid options %#', (options, message) => {
    expect(() => customRecognizer(options as never)).toThrow(message);
  });
});
