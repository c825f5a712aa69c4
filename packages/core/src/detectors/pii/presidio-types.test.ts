import { describe, expect, it } from 'vitest';
import { kindMatchesPresidio, presidioKnownEntity, presidioPhoneRegion } from './presidio-types.js';

describe('Presidio type mapping', () => {
  it('matches a kind and its sub-kinds', () => {
    expect(kindMatchesPresidio('IP_ADDRESS', 'pii.ip-address.private')).toBe(true);
    expect(kindMatchesPresidio('IP_ADDRESS', 'pii.ip-addressx')).toBe(false);
    expect(kindMatchesPresidio('ORGANIZATION', 'pii.person-name')).toBe(false);
  });

  it("names the region of a country's phone type, only when every type is that country's", () => {
    expect(presidioPhoneRegion(['TR_PHONE_NUMBER'])).toBe('TR');
    expect(presidioPhoneRegion(['PH_MOBILE_NUMBER'])).toBe('PH');
    expect(presidioPhoneRegion(['PHONE_NUMBER'])).toBeUndefined();
    expect(presidioPhoneRegion(['TR_PHONE_NUMBER', 'PH_MOBILE_NUMBER'])).toBeUndefined();
    expect(presidioPhoneRegion(['TR_PHONE_NUMBER', 'EMAIL_ADDRESS'])).toBeUndefined();
    expect(presidioPhoneRegion([])).toBeUndefined();
  });

  it('names the entity a row is known to hold only for one type reported next to a context word', () => {
    expect(presidioKnownEntity(['US_PASSPORT'])).toBe('us-passport');
    expect(presidioKnownEntity(['US_DRIVER_LICENSE'])).toBe('us-driver-license');
    expect(presidioKnownEntity(['US_PASSPORT', 'EMAIL_ADDRESS'])).toBeUndefined();
    expect(presidioKnownEntity(['US_SSN'])).toBeUndefined();
    expect(presidioKnownEntity(['ORGANIZATION'])).toBeUndefined();
    expect(presidioKnownEntity([])).toBeUndefined();
  });
});
