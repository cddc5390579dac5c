import { decode, run } from './kioskctl';
import { startTestCore, startTestHost } from '../../../test/support/core-harness';

describe('kioskctl decode', () => {
  it('decodes DEVICES.md sample command frames', () => {
    expect(decode('idcard', 'AA AA AA 96 69 00 03 20 01 22')).toEqual([{ kind: 'command', command: 'findCard', cmd: '20', para: '01', length: 3, totalBytes: 10, checksumOk: true }]);
    expect(decode('idcard', 'AAAAAA9669000330102 3')).toEqual([expect.objectContaining({ command: 'readTextPhotoFingerprint', checksumOk: true })]);
  });

  it('decodes DEVICES.md sample answers, several in one paste, with garbage in between', () => {
    const out = decode('idcard', 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97 FF 00 AA AA AA 96 69 00 04 00 00 80 84 AA AA AA 96 69 00 04 00 00 41 45') as Array<Record<string, unknown>>;
    expect(out.filter((o) => o.kind === 'answer').map((o) => o.outcome)).toEqual(['findSuccess', 'findFailed', 'readFailed']);
    expect(out.find((o) => o.kind === 'answer')).toMatchObject({ sw3: '9F', messageKey: 'card-readers:idCard.sw.findSuccess', data: '00 00 00 00' });
    expect(out.some((o) => o.kind === 'garbage')).toBe(true);
  });

  it('names a wrong checksum and the one expected', () => {
    // The rest of a rejected frame is then skipped as garbage.
    expect((decode('idcard', 'AA AA AA 96 69 00 04 00 00 80 85') as unknown[])[0]).toEqual(expect.objectContaining({ kind: 'badChecksum', checksum: 0x85, expectedChecksum: 0x84 }));
  });

  it('decodes the published EF05 APDU answer and status words', () => {
    expect(decode('apdu', '01 10 33 03 00 D1 56 00 00 05 99 11 01 45 FF FF FF FF 90 00')).toMatchObject({
      outcome: 'ok',
      records: [{ tag: '01', item: 'cardIdentificationCode', value: '330300D15600000599110145FFFFFFFF' }],
    });
    expect(decode('apdu', '03 04 33 2E 30 30 90 00')).toMatchObject({ records: [{ item: 'specVersion', value: '3.00' }] });
    expect(decode('apdu', '63 C2')).toMatchObject({ outcome: 'pinWrong', value: 2 });
    expect(decode('apdu', '69 83')).toMatchObject({ outcome: 'pinBlocked' });
    expect(decode('apdu-command', '00 A4 04 00 0F 73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF')).toMatchObject({ instruction: 'SELECT', p1: '04' });
    expect(decode('apdu-command', '00 20 00 00 03 12 34 56')).toMatchObject({ instruction: 'VERIFY', data: '(3 bytes, PIN not shown)' });
  });

  it('decodes social security reader frames with the APDU inside', () => {
    expect(decode('sscard', '02 00 06 31 00 B2 07 04 0B 8D 03')).toEqual([
      { kind: 'command', command: 'apdu', apdu: expect.objectContaining({ instruction: 'READ RECORD', p1: '07', le: 11 }) },
    ]);
  });

  it('refuses what is not hex or not a protocol', async () => {
    await expect(run(['decode', 'idcard', 'zz'])).rejects.toThrow(/hex/);
    await expect(run(['decode', 'modbus', '00'])).rejects.toThrow(/unknown protocol/);
  });
});

describe('kioskctl against a running kiosk', () => {
  it('lists the devices through the browser host with the launch URL, and is refused without the token', async () => {
    const { core } = await startTestCore();
    const host = await startTestHost(core);
    try {
      const result = (await run(['devices', 'list', '--url', host.url])) as { devices: Array<{ id: string }> };
      expect(result.devices.map((d) => d.id)).toEqual(expect.arrayContaining(['id-reader', 'ssc-reader']));
      await expect(run(['devices', 'test', 'id-reader', '--url', host.url])).rejects.toThrow(/forbidden/);
      await expect(run(['devices', 'list', '--url', host.url.replace(/token=[^&]+/, 'token=wrong')])).rejects.toThrow(/401|token/);
    } finally {
      await host.close();
      await core.close();
    }
  });
});
