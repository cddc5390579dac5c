import fc from 'fast-check';
import { sampleResident } from '../../shared/samples/residents';
import { fromHex } from '../core/frame-log';
import { SocialSecurityCardSimulator, type SocialSecurityCardSimulatorOptions } from '../simulators/social-security-card-simulator';
import { SocialSecurityCardReader } from './social-security-card-reader';
import { createReaderFrameParser, encodeReaderFrame, verifyReaderFrame } from './reader-frame';
import { atrHistoricalBytes } from './atr';
import { cardReaderRig, codeOf, rigsStoppedAfterEach, startOnline, writeNoise } from '../../../test/support/card-reader-rig';
import { until } from '../../../test/support/until';

const rig = (simOptions: SocialSecurityCardSimulatorOptions = {}, options: Record<string, unknown> = {}) =>
  cardReaderRig({
    kind: 'socialSecurityCardReader',
    reader: (transport, ctx) => new SocialSecurityCardReader(transport, ctx),
    simulator: (port) => new SocialSecurityCardSimulator(port, simOptions),
    options: { pollIntervalMs: 50, commandTimeoutMs: 200, terminalNumber: 'T001', terminalDeviceNumber: 'D001', ...options },
  });

describe('social security card reader framing', () => {
  it('frames commands with STX, length, BCC and ETX', () => {
    expect(encodeReaderFrame(0x33).toString('hex')).toBe('02000133' + '32' + '03');
    expect(verifyReaderFrame(encodeReaderFrame(0x31, fromHex('00 A4 04 00')!))).toBe(true);
  });

  it('reads the historical bytes out of an ATR', () => {
    expect(atrHistoricalBytes(fromHex('3B 6C 00 00 53 53 43 41 52 44 33 2E 30 53 49 4D')!).toString('ascii')).toBe('SSCARD3.0SIM');
    // TA1 TB1 TD1(->TD2 with T=1) TA3...: 3B F8 13 00 00 81 31 FE 45 + 8 historical
    expect(atrHistoricalBytes(fromHex('3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31')!).toString('ascii')).toBe('JCOPv241');
    expect(atrHistoricalBytes(fromHex('3B')!).length).toBe(0);
  });

  it('never throws on random or corrupted streams and recovers a valid frame after a pause', () => {
    const good = encodeReaderFrame(0x00, fromHex('90 00')!);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (noise) => {
        const p = createReaderFrameParser(100);
        const results = [...p.push(noise, 0), ...p.expire(200), ...p.push(good, 300)];
        for (const r of results) if (r.type === 'frame') expect(verifyReaderFrame(r.frame)).toBe(true);
        expect(results.filter((r) => r.type === 'frame').at(-1)).toEqual({ type: 'frame', frame: good });
      }),
      { numRuns: 500 },
    );
  });
});

describe('SocialSecurityCardReader against the simulator', () => {
  const rigs = rigsStoppedAfterEach<ReturnType<typeof rig>>();

  it('reads the basic information and gives the reader API string', async () => {
    const r = rigs.use(rig());
    await r.reader.start();
    r.simulator.insert(0);
    await until(() => r.cards.length === 1);
    const info = await r.reader.readBasicInfo();
    expect(r.reader.status()).toMatchObject({ state: 'online', media: 'present' }); // busy only while reading
    const s = sampleResident(0).socialSecurityCard;
    expect(info.atrHistorical).toBe(Buffer.from('SSCARD3.0SIM').toString('hex').toUpperCase());
    expect(info).toMatchObject({
      regionCode: '140100',
      socialSecurityNumber: s.socialSecurityNumber,
      cardNumber: s.cardNumber,
      cardIdentificationCode: s.cardIdentificationCode,
      name: sampleResident(0).name,
      sex: 'male',
      nationCode: '01',
      birthDate: '1968-03-12',
      specVersion: '3.00',
      issueDate: s.issueDate,
      expiryDate: s.expiryDate,
    });
    expect(r.reader.basicInfoString(info)).toBe(
      `140100|${s.socialSecurityNumber}|${s.cardNumber}|${s.cardIdentificationCode}|${sampleResident(0).name}|${info.atrHistorical}|3.00|20190601|20290601|T001|D001|`,
    );
    r.simulator.remove();
    await until(() => r.cards.length === 2);
  });

  it('works on cards without an MF and on T=0 cards that answer 61xx', async () => {
    const r = await startOnline(rigs.use(rig({ hasMf: false, t0GetResponse: true })));
    r.simulator.insert(5);
    const info = await r.reader.readBasicInfo();
    expect(info.name).toBe(sampleResident(5).name);
  });

  it('verifies a PIN, counts down wrong tries and reports a blocked PIN', async () => {
    const r = await startOnline(rigs.use(rig()));
    r.simulator.insert(0);
    await expect(r.reader.verifyPin('123456')).resolves.toEqual({ ok: true });
    await expect(r.reader.verifyPin('000000')).resolves.toEqual({ ok: false, outcome: 'pinWrong', triesLeft: 2 });
    await expect(r.reader.verifyPin('000001')).resolves.toEqual({ ok: false, outcome: 'pinWrong', triesLeft: 1 });
    await expect(r.reader.verifyPin('000002')).resolves.toEqual({ ok: false, outcome: 'pinBlocked' });
    await expect(r.reader.verifyPin('123456')).resolves.toEqual({ ok: false, outcome: 'pinBlocked' });
    expect(await codeOf(r.reader.verifyPin('12a456'))).toBe('invalid_params');
  });

  it('reports a card whose PIN is already blocked', async () => {
    const r = await startOnline(rigs.use(rig()));
    r.simulator.insert(4);
    r.simulator.setPinTries(0);
    await expect(r.reader.verifyPin(sampleResident(4).socialSecurityCard.pin)).resolves.toEqual({ ok: false, outcome: 'pinBlocked' });
  });

  it('changes the PIN with the configured APDU', async () => {
    const r = await startOnline(rigs.use(rig()));
    r.simulator.insert(3);
    await expect(r.reader.changePin('112233', '445566')).resolves.toEqual({ ok: true });
    await expect(r.reader.verifyPin('112233')).resolves.toMatchObject({ ok: false, outcome: 'pinWrong' });
    await expect(r.reader.verifyPin('445566')).resolves.toEqual({ ok: true });
    expect(JSON.stringify(r.reader.recentFrames())).not.toMatch(/44 55 66/);
  });

  it('gives a typed outcome for every fault mode', async () => {
    const r = await startOnline(rigs.use(rig()));
    expect(await codeOf(r.reader.readBasicInfo())).toBe('card_absent');
    r.simulator.insert(0);
    r.simulator.setFault('mute');
    expect(await codeOf(r.reader.readBasicInfo())).toBe('card_unreadable');
    r.simulator.setFault('removeMidRead');
    expect(await codeOf(r.reader.readBasicInfo())).toBe('card_absent');
    r.simulator.insert(0);
    r.simulator.setFault('wrongChecksum');
    expect(await codeOf(r.reader.readBasicInfo())).toBe('device_error');
    r.simulator.setFault('garbage');
    expect(await codeOf(r.reader.readBasicInfo())).toBe('resolved');
    r.simulator.setFault('slow', 50);
    expect(await codeOf(r.reader.readBasicInfo())).toBe('resolved');
    r.simulator.setFault('slow', 500);
    expect(await codeOf(r.reader.readBasicInfo())).toBe('device_timeout');
    r.simulator.setFault('silence');
    await until(() => r.reader.status().state === 'offline');
    r.simulator.setFault(null);
    await until(() => r.reader.status().state === 'online');
  });

  it('an answer later than the command timeout is waited for, never asked twice: no answer is left over for the next command', async () => {
    // Each answer 450 ms after its command, the timeout 400 ms (a loaded machine, the card-holder flake). Asking again
    // on a timeout left the second answer owed, and the next APDU took it for its own (a READ RECORD reading a
    // SELECT's 9000): wrong data or a refused read. The answer comes 50 ms into the second wait, which leaves it 350 ms
    // to spare (with 300 against 200 ms, a CI run under load once missed even the second wait).
    const r = await startOnline(rigs.use(rig({}, { commandTimeoutMs: 400 })));
    r.simulator.insert(1);
    await until(() => r.reader.cardPresent());
    r.simulator.setFault('slow', 450);
    await expect(r.reader.readBasicInfo()).resolves.toMatchObject({ name: sampleResident(1).name, socialSecurityNumber: sampleResident(1).socialSecurityCard.socialSecurityNumber });
    expect(r.reader.recentFrames().some((f) => f.note === 'no answer in time: waiting once more, not asking again')).toBe(true);
  });

  it('comes back by itself after an unplug', async () => {
    const r = await startOnline(rigs.use(rig()));
    r.pair.unplug();
    await until(() => r.reader.status().state === 'offline');
    r.pair.replug();
    await r.pair.device.open();
    await until(() => r.reader.status().state === 'online');
    expect((await r.reader.selfTest()).ok).toBe(true);
  });
});

/** The noise comes from a fixed fast-check seed, named in the test's title, so a failure replays byte for byte. */
const NOISE_SEED = 20261130;

describe(`SocialSecurityCardReader fed random bytes by a broken reader (seed ${NOISE_SEED})`, () => {
  it('never throws, and reads the card once the line is clean again', async () => {
    const r = cardReaderRig({ kind: 'socialSecurityCardReader', reader: (transport, ctx) => new SocialSecurityCardReader(transport, ctx), simulator: () => null, options: { pollIntervalMs: 50, commandTimeoutMs: 80 } });
    await r.reader.start();
    await writeNoise(r.pair.device, fc.sample(fc.uint8Array({ minLength: 1, maxLength: 400 }), { seed: NOISE_SEED, numRuns: 60 }));
    new SocialSecurityCardSimulator(r.pair.device).insert(2);
    await until(() => r.reader.status().state === 'online' && r.reader.cardPresent());
    await expect(r.reader.readBasicInfo()).resolves.toMatchObject({ name: sampleResident(2).name });
    await r.reader.stop();
  });
});
