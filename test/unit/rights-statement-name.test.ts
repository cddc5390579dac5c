import { runLookup } from '../../src/county/lookups';
import { defaultCatalog } from '../../src/shared/catalog/default-catalog';

/** Issue 17 item 18: INS-08 reads "Social insurance record statement" in English on the screen and on the paper alike. */
describe('the social insurance record statement (INS-08) in English', () => {
  const resident = { idNumber: '110101195803120011', name: '王秀兰', sex: 'female' as const, birthDate: '1958-03-12' };
  it('is named so in the catalogue and titled so by the county', () => {
    expect(defaultCatalog().items.find((i) => i.code === 'INS-08')!.name.en).toBe('Social insurance record statement');
    const answer = runLookup('INS-08', resident, new Date('2026-11-30T08:00:00Z'), { year: 2025 }, 'en');
    expect(answer.certificate?.title).toBe('Social insurance record statement (2025)');
    expect(runLookup('INS-08', resident, new Date('2026-11-30T08:00:00Z'), { year: 2025 }, 'zh-CN').certificate?.title).toBe('个人权益记录（2025年度）');
  });
});
