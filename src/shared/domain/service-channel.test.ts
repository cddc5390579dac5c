import { describe, expect, it } from '@jest/globals';
import { ChannelStampSchema, STAFF_CHANNELS } from './service-channel';

describe('the channel stamp every record carries', () => {
  it('names an operator exactly when a clerk or an agent acted', () => {
    expect(ChannelStampSchema.safeParse({ channel: 'self', operatorId: null }).success).toBe(true);
    for (const channel of ['assisted', 'window', 'homeVisit', 'proxy']) {
      expect(ChannelStampSchema.safeParse({ channel, operatorId: 'staff-7' }).success).toBe(true);
      expect(ChannelStampSchema.safeParse({ channel, operatorId: null }).success).toBe(false);
    }
    const selfWithOperator = ChannelStampSchema.safeParse({ channel: 'self', operatorId: 'staff-7' });
    expect(selfWithOperator.success ? null : selfWithOperator.error.issues.map((i) => i.message)).toEqual(['self has no operator; every other channel names one']);
  });

  it('refuses an empty or over-long operator id and an unknown channel', () => {
    expect(ChannelStampSchema.safeParse({ channel: 'window', operatorId: '' }).success).toBe(false);
    expect(ChannelStampSchema.safeParse({ channel: 'window', operatorId: 'x'.repeat(64) }).success).toBe(true);
    expect(ChannelStampSchema.safeParse({ channel: 'window', operatorId: 'x'.repeat(65) }).success).toBe(false);
    expect(ChannelStampSchema.safeParse({ channel: 'kiosk', operatorId: 'staff-7' }).success).toBe(false);
  });

  it('counts as staff channels only those a resident alone never makes', () => {
    expect([...STAFF_CHANNELS].sort()).toEqual(['assisted', 'homeVisit', 'window']);
  });
});
