import { readCommandLine } from './command-line';

const USAGE = 'usage: thing [--port N]';
const parsed = (values: { help?: boolean; port?: string }) => () => ({ values });

describe('readCommandLine', () => {
  it.each([
    ['no port: any free one', {}, { run: true, port: 0 }],
    ['a port', { port: '8080' }, { run: true, port: 8080 }],
    ['the highest port', { port: '65535' }, { run: true, port: 65535 }],
    ['--help', { help: true, port: 'x' }, { run: false, exitCode: 0, say: USAGE }],
    ['a port above 65535', { port: '65536' }, { run: false, exitCode: 2, say: '--port must be a whole number from 0 to 65535, got "65536"' }],
    ['a negative port', { port: '-1' }, { run: false, exitCode: 2 }],
    ['a port with a fraction', { port: '80.5' }, { run: false, exitCode: 2 }],
    ['a port in words', { port: 'eighty' }, { run: false, exitCode: 2 }],
  ])('%s', (_name, values, expected) => {
    expect(readCommandLine(parsed(values), {}, USAGE)).toMatchObject(expected);
  });

  it('asks the parser to be strict and to know --help besides the caller\'s options', () => {
    const seen: unknown[] = [];
    readCommandLine((config) => (seen.push(config), { values: {} }), { port: { type: 'string' } }, USAGE);
    expect(seen).toEqual([{ options: { port: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true }]);
  });

  it('says the parser\'s complaint with the usage, exit code 2', () => {
    const line = readCommandLine(() => {
      throw new Error("Unknown option '--colour'");
    }, {}, USAGE);
    expect(line).toEqual({ run: false, exitCode: 2, say: `Unknown option '--colour'\n${USAGE}` });
  });
});
