import fs from 'node:fs';
import { API_DOC_PATH, renderApiDoc } from '../../scripts/api-doc';

describe('docs/api.md', () => {
  it('matches the contract (regenerate with `npm run docs:api`)', () => {
    expect(fs.readFileSync(API_DOC_PATH, 'utf8')).toBe(renderApiDoc());
  });

  it('has a message in both languages for every error code', () => {
    expect(renderApiDoc()).not.toMatch(/\| `\w+` \| {2}\|/);
  });
});
