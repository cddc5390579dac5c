import { HidTransport, hidId } from './hid-transport';
import { ReconnectingTransport, type LinkEvent } from './reconnecting-transport';

describe('HidTransport', () => {
  it('names the device by vendor:product and says ENOENT when it is not plugged in', async () => {
    const t = new HidTransport({ vendorId: 0xfffe, productId: 0x0001 });
    expect(t.description).toBe('hid fffe:0001');
    expect(hidId(0x0483, 0x5750)).toBe('0483:5750');
    await expect(t.open()).rejects.toMatchObject({ code: 'ENOENT' });
    expect(t.isOpen).toBe(false);
  });

  it('is reported offline with the reason by the reopening wrapper', async () => {
    const r = new ReconnectingTransport(() => new HidTransport({ vendorId: 0xfffe, productId: 0x0002 }), 'hid fffe:0002', { minDelayMs: 1000, maxDelayMs: 1000 });
    const links: LinkEvent[] = [];
    r.onLink((e) => links.push(e));
    await r.open();
    expect(links).toEqual([{ up: false, reason: 'ENOENT' }]);
    await r.close();
  });
});
