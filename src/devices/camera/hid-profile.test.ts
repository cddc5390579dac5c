import { buttonDown, CameraHidProfileSchema, resolveCameraHidProfile, type CameraHidProfileInput } from './hid-profile';

// A model's HID profile comes from a site config a technician typed: each field parsed exactly, each bad value refused
// with the field's path.
const base: CameraHidProfileInput = { name: 'vendor-a', lightOn: '00 5a 01', lightOff: '00 5A 00' };
const refusedAt = (input: unknown) => {
  const parsed = CameraHidProfileSchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('camera HID profile', () => {
  it('is the reference layout when the site config gives none', () => {
    const reference = { name: 'reference', lightOn: Uint8Array.of(0x02, 0x01), lightOff: Uint8Array.of(0x02, 0x00), button: { reportId: 1, offset: 1, mask: 1 } };
    expect(resolveCameraHidProfile(undefined)).toStrictEqual(reference);
    expect(resolveCameraHidProfile(null)).toStrictEqual(reference);
  });

  it('reads hex reports byte by byte, either case, and a single byte', () => {
    const profile = resolveCameraHidProfile({ ...base, lightOn: 'ff 0A 7f 00' });
    expect(profile.lightOn).toStrictEqual(Uint8Array.of(0xff, 0x0a, 0x7f, 0x00));
    expect(profile.lightOff).toStrictEqual(Uint8Array.of(0x00, 0x5a, 0x00));
    expect(resolveCameraHidProfile({ ...base, lightOn: '5a' }).lightOn).toStrictEqual(Uint8Array.of(0x5a));
    expect(profile).not.toHaveProperty('button');
  });

  it('refuses a report that is not bytes separated by single spaces, naming the field', () => {
    for (const bad of ['', '0', '001', '00  01', ' 00', '00 ', '0g', '00,01', '00 1', 'x00', '00x']) {
      expect([bad, refusedAt({ ...base, lightOff: bad })]).toEqual([bad, ['lightOff']]);
    }
    expect(() => resolveCameraHidProfile({ ...base, lightOn: '00 5' })).toThrow(/hex bytes separated by spaces/);
  });

  it('refuses an empty name', () => {
    expect(refusedAt({ ...base, name: '' })).toEqual(['name']);
  });

  it('takes the button fields at their limits and refuses them one past', () => {
    expect(resolveCameraHidProfile({ ...base, button: { reportId: 0, offset: 0, mask: 1 } }).button).toStrictEqual({ reportId: 0, offset: 0, mask: 1 });
    expect(resolveCameraHidProfile({ ...base, button: { reportId: 255, offset: 63, mask: 255 } }).button).toStrictEqual({ reportId: 255, offset: 63, mask: 255 });
    const cases: Array<[object, string]> = [
      [{ reportId: -1, offset: 0, mask: 1 }, 'button.reportId'],
      [{ reportId: 256, offset: 0, mask: 1 }, 'button.reportId'],
      [{ reportId: 1.5, offset: 0, mask: 1 }, 'button.reportId'],
      [{ offset: -1, mask: 1 }, 'button.offset'],
      [{ offset: 64, mask: 1 }, 'button.offset'],
      [{ offset: 0.5, mask: 1 }, 'button.offset'],
      [{ offset: 0, mask: 0 }, 'button.mask'],
      [{ offset: 0, mask: 256 }, 'button.mask'],
      [{ offset: 0, mask: 1.5 }, 'button.mask'],
    ];
    for (const [button, path] of cases) expect([button, refusedAt({ ...base, button })]).toEqual([button, [path]]);
  });
});

describe('reading the button from an input report', () => {
  const withId = resolveCameraHidProfile({ ...base, button: { reportId: 0x01, offset: 2, mask: 0x04 } });
  const withoutId = resolveCameraHidProfile({ ...base, button: { offset: 0, mask: 0x81 } });

  it('says down or up by the masked byte at the offset, counting the report id', () => {
    expect(buttonDown(withId, Uint8Array.of(0x01, 0xff, 0x04))).toBe(true);
    expect(buttonDown(withId, Uint8Array.of(0x01, 0x04, 0xfb))).toBe(false);
    expect(buttonDown(withoutId, Uint8Array.of(0x80))).toBe(true);
    expect(buttonDown(withoutId, Uint8Array.of(0x01))).toBe(true);
    expect(buttonDown(withoutId, Uint8Array.of(0x7e))).toBe(false);
  });

  it('says nothing for another report id, a report too short, or a profile without a button', () => {
    expect(buttonDown(withId, Uint8Array.of(0x02, 0xff, 0x04))).toBeNull();
    expect(buttonDown(withId, Uint8Array.of(0x01, 0xff))).toBeNull();
    expect(buttonDown(withoutId, new Uint8Array())).toBeNull();
    expect(buttonDown(resolveCameraHidProfile(base), Uint8Array.of(0x01, 0xff, 0xff))).toBeNull();
  });

  it('a report id of 0 is still checked', () => {
    const zero = resolveCameraHidProfile({ ...base, button: { reportId: 0, offset: 1, mask: 1 } });
    expect(buttonDown(zero, Uint8Array.of(0x00, 0x01))).toBe(true);
    expect(buttonDown(zero, Uint8Array.of(0x03, 0x01))).toBeNull();
  });
});
