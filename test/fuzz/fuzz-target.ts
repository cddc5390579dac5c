/**
 * One entry of `npm run fuzz` and of its short run in the default suite: a name and a property checked over
 * `runs` generated cases. Each area adds its targets to the list in targets.ts.
 */
export interface FuzzTarget {
  name: string;
  check(runs: number, seed?: number): void;
}
