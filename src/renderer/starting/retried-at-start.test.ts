import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { retriedAtStart, type WaitingNotice } from './retried-at-start';

/** A notice that records what start-up showed, in order. */
function recordingNotice(): WaitingNotice & { seen: string[] } {
  const seen: string[] = [];
  return { seen, show: (failedAsks) => seen.push(`show ${failedAsks}`), close: () => seen.push('close') };
}

const timing = { showAfterMs: 3000, retryDelaysMs: [1000, 2000, 4000] };

describe("start-up's wait for the point's settings (retriedAtStart)", () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('asks again after each failure, waiting longer each time up to the last delay, and resolves with the first answer', async () => {
    const notice = recordingNotice();
    const asks: number[] = [];
    let failures = 4;
    const ask = () => {
      asks.push(Date.now());
      return failures-- > 0 ? Promise.reject(new Error('core not up')) : Promise.resolve('site');
    };
    const started = Date.now();
    const site = retriedAtStart(Promise.reject(new Error('refused')), ask, notice, timing);
    await jest.advanceTimersByTimeAsync(0);
    expect(notice.seen).toEqual(['show 1']); // at once: the first answer failed
    await jest.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 4000 + 4000);
    await expect(site).resolves.toBe('site');
    // After the first failure 1 s, then 2 s, then 4 s, and 4 s from there on.
    expect(asks.map((at) => at - started)).toEqual([1000, 3000, 7000, 11000, 15000]);
    expect(notice.seen).toEqual(['show 1', 'show 2', 'show 3', 'show 4', 'show 5', 'close']);
  });

  it('says it is waiting when the first answer is late, then closes the notice when it comes, without asking again', async () => {
    const notice = recordingNotice();
    let answer: (site: string) => void = () => undefined;
    const ask = jest.fn(() => Promise.resolve('again'));
    const site = retriedAtStart(new Promise<string>((resolve) => (answer = resolve)), ask, notice, timing);
    await jest.advanceTimersByTimeAsync(2999);
    expect(notice.seen).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(notice.seen).toEqual(['show 0']);
    answer('late');
    await expect(site).resolves.toBe('late');
    expect(notice.seen).toEqual(['show 0', 'close']);
    expect(ask).not.toHaveBeenCalled();
  });

  it('shows nothing when the first answer comes in time', async () => {
    const notice = recordingNotice();
    const site = retriedAtStart(Promise.resolve('site'), () => Promise.resolve('again'), notice, timing);
    await expect(site).resolves.toBe('site');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(notice.seen).toEqual(['close']);
  });
});
