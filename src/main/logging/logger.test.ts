import { createMemoryLogger } from './logger';

describe('logger', () => {
  it('masks personal fields and ID-shaped text before anything is written', () => {
    const { logger, lines } = createMemoryLogger();
    logger.info({ idNumber: '14010219900307123X', resident: { name: '王小明', phone: '13812345678' } }, 'identified 14010219900307123X');
    const text = lines().join('\n');
    expect(text).not.toContain('14010219900307123X');
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('1401**********123X');
    expect(text).toContain('王*明');
    expect(text).toContain('138****5678');
  });

  it('masks ID-shaped text inside logged errors', () => {
    const { logger, lines } = createMemoryLogger();
    logger.error({ err: new Error('bad number 14010219900307123X') }, 'failed');
    expect(lines().join('\n')).not.toContain('14010219900307123X');
    expect(lines().join('\n')).toContain('1401**********123X');
  });
});
