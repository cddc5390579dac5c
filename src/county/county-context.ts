import type { CountyDb } from './county-db';

/** What every route group of the gateway works with: handed to each group's plugin as its options. */
export interface CountyContext {
  readonly db: CountyDb;
  readonly dataDir: string;
  readonly attachmentsDir: string;
  readonly now: () => Date;
}
