import { InProcessTransport } from '../printer/simulated-transport';
import { DocumentCameraDriver } from './driver';
import { buttonDown, resolveCameraHidProfile } from './hid-profile';
import { DocumentCameraHidSimulator } from './simulator';

describe('document camera HID side', () => {
  const profile = resolveCameraHidProfile(undefined);

  it('profiles are data: hex reports parsed and checked, bad ones refused with the field named', () => {
    expect(Array.from(profile.lightOn)).toEqual([0x02, 0x01]);
    expect(() => resolveCameraHidProfile({ name: 'x', lightOn: 'zz', lightOff: '00' })).toThrow(/lightOn/);
    const custom = resolveCameraHidProfile({ name: 'vendor-a', lightOn: '00 5a 01', lightOff: '00 5a 00', button: { offset: 3, mask: 0x80 } });
    expect(buttonDown(custom, Uint8Array.of(0, 0, 0, 0x80))).toBe(true);
    expect(buttonDown(custom, Uint8Array.of(0, 0, 0, 0x7f))).toBe(false);
    expect(buttonDown(custom, Uint8Array.of(0, 0))).toBeNull();
    expect(buttonDown(profile, Uint8Array.of(0x07, 0x01))).toBeNull(); // another report id
  });

  it('switches the light and reports one press per button push', async () => {
    const sim = new DocumentCameraHidSimulator(profile);
    const driver = new DocumentCameraDriver({ id: 'cam', transport: new InProcessTransport(sim), profile, simulated: true });
    await driver.start();
    expect(driver.status()).toMatchObject({ state: 'online', media: 'notApplicable' });
    expect(await driver.setLight(true)).toBe(true);
    expect(sim.light).toBe(true);
    await driver.setLight(false);
    expect(sim.light).toBe(false);
    let presses = 0;
    driver.onButton(() => presses++);
    sim.pressButton();
    sim.pressButton();
    await new Promise((r) => setTimeout(r, 20));
    expect(presses).toBe(2);
    expect((await driver.selfTest()).ok).toBe(true);
    await driver.stop();
  });

  it('a camera without HID is video-only and says so; a missing HID device is offline with its message', async () => {
    const videoOnly = new DocumentCameraDriver({ id: 'cam', transport: null, profile, simulated: false });
    await videoOnly.start();
    expect(videoOnly.status()).toMatchObject({ state: 'online', detailKey: 'cameras:camera.videoOnly' });
    expect(await videoOnly.setLight(true)).toBe(false);
    const missing = { description: 'hid', isOpen: false, open: () => Promise.reject(new Error('ENOENT')), close: async () => undefined, write: async () => undefined, onData: () => () => undefined, onClose: () => () => undefined };
    const unplugged = new DocumentCameraDriver({ id: 'cam', transport: missing, profile, simulated: false });
    await unplugged.start();
    expect(unplugged.status()).toMatchObject({ state: 'offline', detailKey: 'cameras:camera.hidMissing' });
    expect((await unplugged.selfTest()).ok).toBe(false);
  });
});
