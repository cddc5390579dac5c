import { describe, expect, it } from '@jest/globals';
import type { DeviceConfig } from '../../shared/config/site-config';
import { resources, LANGUAGES } from '../../shared/locales';
import { silentLog } from './device-log';
import { DeviceManager } from '../manager/device-manager';
import { createDefaultRegistry } from '../manager/default-registry';
import { SELF_TEST_STEPS } from './self-test-steps';

/**
 * The technician tab shows each self-test step as `technician:selfTest.step.<name>` and falls back to the bare name
 * (an English code on a Chinese screen) when the text is missing. Every name a driver can report is in
 * SELF_TEST_STEPS (the drivers' step type is that list's union), so a new step without texts fails here.
 */
const stepTexts = (language: (typeof LANGUAGES)[number]) => resources[language].technician.selfTest.step as Record<string, string | undefined>;

describe("the self-test's step names", () => {
  it.each(LANGUAGES.map((language) => [language]))('each step a driver can report has its text in %s', (language) => {
    const texts = stepTexts(language);
    const missing = SELF_TEST_STEPS.filter((name) => typeof texts[name] !== 'string' || texts[name].trim() === '' || texts[name] === name);
    expect(missing).toEqual([]);
  });

  it('has no text left for a step no driver reports any more', () => {
    for (const language of LANGUAGES) expect(Object.keys(stepTexts(language)).sort()).toEqual([...SELF_TEST_STEPS].sort());
  });

  it('holds every step the devices report, simulated and not (the list is what the drivers say, not only their type)', async () => {
    const reported = new Map<string, string[]>();
    const run = async (simulate: boolean, devices: DeviceConfig[]) => {
      const manager = new DeviceManager(createDefaultRegistry(), { devices, simulate, log: silentLog, reconnect: { minDelayMs: 20, maxDelayMs: 100 } });
      try {
        await manager.start();
        for (const device of manager.list()) {
          for (const step of (await manager.selfTest(device.id)).steps) reported.set(step.name, [...(reported.get(step.name) ?? []), device.id]);
        }
      } finally {
        await manager.stop();
      }
    };
    await run(true, []); // every kind's simulator (--simulate adds the missing kinds)
    // A camera driven by the screen alone (no light interface) and a reader on a transport the kiosk has no driver for.
    await run(false, [
      { id: 'cam', kind: 'documentCamera', transport: { type: 'media' }, options: {} },
      { id: 'idr', kind: 'idCardReader', transport: { type: 'hid', vendorId: 1, productId: 2 }, options: {} },
    ]);
    const unlisted = [...reported].filter(([name]) => !(SELF_TEST_STEPS as readonly string[]).includes(name));
    expect(unlisted).toEqual([]);
    // The walk reached the drivers: all but 'selfTest' (a self-test that threw) came from a real run.
    expect([...reported.keys()].sort()).toEqual(SELF_TEST_STEPS.filter((name) => name !== 'selfTest').sort());
  });
});
