import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { DatabaseError } from 'pg';
import { SAMPLE_RESIDENTS } from '../../shared/samples/residents';
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

  it.each([
    ['an Error', "Object.assign(new Error('no such table for 14010219900307123X'), { code: 'SQLITE_ERROR' })"],
    // As better-sqlite3 makes its SqliteError: no Error behind it, only Error.prototype in its chain.
    [
      'a SqliteError-like error (made as better-sqlite3 makes its own)',
      "(() => { function SqliteError(m) { Object.defineProperty(this, 'message', { value: m, enumerable: false }); Error.captureStackTrace(this, SqliteError); this.code = 'SQLITE_ERROR'; } Object.setPrototypeOf(SqliteError.prototype, Error.prototype); return new SqliteError('no such table for 14010219900307123X'); })()",
    ],
  ])('keeps the message and stack of %s from another realm (a vm context; a native module under Jest), masked', (_label, made) => {
    const { logger, lines } = createMemoryLogger();
    const foreign = vm.runInNewContext(made) as Error;
    expect(foreign instanceof Error).toBe(false);
    logger.error({ err: foreign }, 'failed');
    const line = JSON.parse(lines()[0]!) as { err: { type: string; message: string; stack: string; code: string } };
    expect(line.err).toMatchObject({ message: 'no such table for 1401**********123X', code: 'SQLITE_ERROR' });
    expect(line.err.stack).toContain('no such table for 1401**********123X');
    expect(lines().join('\n')).not.toContain('14010219900307123X');
  });

  it("keeps an error's own name (the pg driver's DatabaseError has name \"error\"), and still masks a name in its details", () => {
    const { logger, lines } = createMemoryLogger();
    const county = Object.assign(new DatabaseError('relation "applications" does not exist', 110, 'error'), { code: '42P01' });
    logger.error({ err: county, error: Object.assign(new Error('refused'), { name: 'CountyRefusal', details: { name: '王小明' } }) }, 'failed');
    const line = JSON.parse(lines()[0]!) as { err: Record<string, unknown>; error: Record<string, unknown> };
    expect(line.err).toMatchObject({ type: 'error', name: 'error', code: '42P01', length: 110, message: 'relation "applications" does not exist' });
    expect(line.error).toMatchObject({ type: 'CountyRefusal', name: 'CountyRefusal', details: { name: '王*明' } });
    // From another realm too (known there by its shape).
    const foreign = vm.runInNewContext("Object.assign(new Error('x'), { name: 'DatabaseError', severity: 'ERROR' })") as Error;
    logger.error({ err: foreign }, 'failed');
    expect(JSON.parse(lines()[1]!)).toMatchObject({ err: { type: 'DatabaseError', name: 'DatabaseError' } });
  });

  it('still masks `name` on ordinary objects, at any depth and beside an error', () => {
    const { logger, lines } = createMemoryLogger();
    logger.info({ name: 'Wang Xiaoming', resident: { name: 'Li Hua' }, list: [{ name: 'Zhao Lei' }], err: new Error('x') }, 'resident');
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).not.toMatch(/Wang Xiaoming|Li Hua|Zhao Lei/);
  });

  it("never writes a sample resident's personal values: in error details, five levels deep, in free text, under any key", () => {
    const { logger, lines } = createMemoryLogger();
    const phone = '13912345678';
    for (const r of SAMPLE_RESIDENTS) {
      const card = r.socialSecurityCard;
      // Under the keys they have.
      logger.info({ resident: { ...r, phone } }, 'resident');
      // Under neutral keys, deep, in errors and their details, and in the message itself.
      const values = [r.name, r.idNumber, r.address ?? '', phone, card.socialSecurityNumber].filter((v) => v !== '');
      for (const v of values) {
        logger.warn({ a: { b: { c: { d: { e: { note: `typed ${v} here` } } } } } }, `free text ${v}`);
        logger.error({ err: Object.assign(new Error(`bad value ${v}`), { details: { field: { value: v } } }) }, 'failed');
        logger.info({ list: [[{ text: v }]] });
      }
    }
    const text = lines().join('\n');
    for (const r of SAMPLE_RESIDENTS) {
      const card = r.socialSecurityCard;
      for (const secret of [r.name, r.englishName, r.idNumber, r.address, '13912345678', card.socialSecurityNumber, card.cardNumber, card.cardIdentificationCode]) {
        if (!secret) continue;
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      }
    }
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
