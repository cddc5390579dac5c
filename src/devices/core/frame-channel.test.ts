import { createMemoryPair } from '../transports/memory-pair';
import { commandFrame, createIdCardFrameParser, encodeResponse } from '../id-card/frame';
import { silentLog } from './device-log';
import { FrameChannel } from './frame-channel';
import { FrameLog } from './frame-log';

describe('FrameChannel', () => {
  async function rig() {
    const pair = createMemoryPair('t');
    await pair.host.open();
    await pair.device.open();
    const frames = new FrameLog();
    const channel = new FrameChannel(pair.host, createIdCardFrameParser(), frames, { log: silentLog });
    return { pair, frames, channel };
  }

  it('times out, then skips the late answer to the timed-out command and takes its own', async () => {
    const { pair, frames, channel } = await rig();
    const first = await channel.exchange(commandFrame('findCard'), 30);
    expect(first).toEqual({ ok: false, problem: 'timeout' });
    const lateFind = encodeResponse(0x9f, Buffer.alloc(4));
    const selectAnswer = encodeResponse(0x90, Buffer.alloc(8));
    const second = channel.exchange(commandFrame('selectCard'), 500, undefined, (f) => f[9] !== 0x9f);
    await new Promise((r) => setTimeout(r, 5));
    await pair.device.write(lateFind);
    await pair.device.write(selectAnswer);
    expect(await second).toEqual({ ok: true, frame: selectAnswer });
    expect(frames.list().some((f) => f.note?.includes('unexpected answer skipped'))).toBe(true);
  });

  it('answers cancelled when the signal aborts, and offline when the port goes away', async () => {
    const { pair, channel } = await rig();
    const controller = new AbortController();
    const pending = channel.exchange(commandFrame('findCard'), 1000, controller.signal);
    controller.abort();
    expect(await pending).toEqual({ ok: false, problem: 'cancelled' });
    const pending2 = channel.exchange(commandFrame('findCard'), 1000);
    await new Promise((r) => setTimeout(r, 5));
    pair.unplug();
    expect(await pending2).toEqual({ ok: false, problem: 'offline' });
    expect(await channel.exchange(commandFrame('findCard'), 1000)).toEqual({ ok: false, problem: 'offline' });
  });

  it('queues exchanges so answers never cross', async () => {
    const { pair, channel } = await rig();
    pair.device.onData(() => {
      // Answer every command with its own CMD byte echoed in the data, a little later.
      setTimeout(() => void pair.device.write(encodeResponse(0x90, Buffer.from([seen++]))), 10);
    });
    let seen = 0;
    const answers = await Promise.all([1, 2, 3].map(() => channel.exchange(commandFrame('samStatus'), 500)));
    expect(answers.map((a) => (a.ok ? a.frame[10] : -1))).toEqual([0, 1, 2]);
  });
});
