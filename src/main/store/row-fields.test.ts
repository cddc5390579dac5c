import { rowFields } from './row-fields';

describe('rowFields', () => {
  it('names each column as its field and keeps the values and their order', () => {
    const fields = rowFields({ id: 'c1', opened_at: '2026-12-01', operator_id: null, promised_days: 5, village_group_enc: Buffer.from('x') });
    expect(Object.keys(fields)).toEqual(['id', 'openedAt', 'operatorId', 'promisedDays', 'villageGroupEnc']);
    expect(fields).toEqual({ id: 'c1', openedAt: '2026-12-01', operatorId: null, promisedDays: 5, villageGroupEnc: Buffer.from('x') });
  });

  it('leaves a name without underscores as it is and a digit after one joined', () => {
    expect(rowFields({ state: 'open', line_2: 'a' })).toEqual({ state: 'open', line2: 'a' });
  });
});
