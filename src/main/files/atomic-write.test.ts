import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic, type AtomicWriteStep } from './atomic-write';

describe('writeFileAtomic', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-write-'));

  it('replaces the file whole, owner-only, even over a stale world-readable temporary file, and leaves no temporary behind', () => {
    const d = dir();
    const file = path.join(d, 'state.json');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    fs.writeFileSync(path.join(d, `.state.json.${process.pid}.tmp`), 'stale', { mode: 0o644 });
    const steps: AtomicWriteStep[] = [];
    writeFileAtomic(file, 'new', { onStep: (step) => steps.push(step) });
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(d)).toEqual(['state.json']);
    expect(steps).toEqual(['tmpWritten', 'renamed']);
  });

  it('keeps the old bytes when the write stops before the rename, and cleans its temporary file', () => {
    const d = dir();
    const file = path.join(d, 'config.json');
    fs.writeFileSync(file, 'old');
    expect(() =>
      writeFileAtomic(file, 'new', {
        beforeRename: () => {
          throw new Error('stopped');
        },
      }),
    ).toThrow('stopped');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(d)).toEqual(['config.json']);
  });
});
