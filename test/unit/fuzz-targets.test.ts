import { FUZZ_TARGETS } from '../fuzz/targets';

// The short run of `npm run fuzz` (which runs 10,000 cases per target).
describe('fuzz targets, short run', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s', (_name, target) => {
    target.check(200);
  });
});
