import fs from 'node:fs';
import path from 'node:path';

/**
 * Every county test runs on both engines: `npm test` runs the files of scripts/county-on-postgres.json again on a real
 * PostgreSQL. A test that starts a county or opens its database must be on that list, and must take its database
 * from test/support/county-database.ts (otherwise it would run on SQLite even in the PostgreSQL run).
 */
const root = path.resolve(__dirname, '../..');
const listed: string[] = JSON.parse(fs.readFileSync(path.join(root, 'scripts/county-on-postgres.json'), 'utf8'));

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === 'test/e2e' || rel === 'test/support' ? [] : testFiles(rel);
    return e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

const STARTS_A_COUNTY = /\b(startTestCounty|startConsoleCounty|startConsoleRouteStand|startCountyServer|openCountyDatabase|openTestCountyDatabase)\(/;
const TAKES_TEST_DATABASE = /\b(freshCountyDatabase|openTestCountyDatabase|COUNTY_TEST_DATABASE|databaseUrl)\b/;

describe('the county tests on PostgreSQL', () => {
  const countyTests = testFiles('test').filter((f) => STARTS_A_COUNTY.test(fs.readFileSync(path.join(root, f), 'utf8')));

  it('lists every test that starts a county or opens its database, and only files that exist', () => {
    expect(countyTests.length).toBeGreaterThan(30);
    expect(countyTests.filter((f) => !listed.includes(f))).toEqual([]);
    expect(listed.filter((f) => !fs.existsSync(path.join(root, f)))).toEqual([]);
  });

  it('a test opening a county itself takes its database from the test engine', () => {
    const direct = countyTests.filter((f) => /\b(startCountyServer|openCountyDatabase)\(/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(direct.filter((f) => !TAKES_TEST_DATABASE.test(fs.readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });

  it('no county test reads the store around the query builder', () => {
    expect(countyTests.filter((f) => /county\.db\b/.test(fs.readFileSync(path.join(root, f), 'utf8')))).toEqual([]);
  });
});
