import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createMemoryLogger } from './logger';

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

  it('writes rotated JSON log files into the data dir', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-logs-'));
    const logger = await createLogger({ dir });
    logger.info({ idNumber: '14010219900307123X' }, 'started');
    // The rolling file opens asynchronously: wait (bounded) until the line has reached it.
    const written = () => fs.readdirSync(dir).some((f) => fs.statSync(path.join(dir, f)).size > 0);
    for (let i = 0; i < 100 && !written(); i += 1) await new Promise((r) => setTimeout(r, 20));
    const files = fs.readdirSync(dir);
    expect(files.some((f) => /^kiosk\.\d+\.log$/.test(f))).toBe(true);
    const text = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(JSON.parse(text.trim().split('\n')[0]!)).toMatchObject({ msg: 'started', idNumber: '1401**********123X' });
  });
});
