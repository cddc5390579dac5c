import type { Migration } from 'kysely';
import type { CountyEngine } from './columns';
import * as county001 from './001-county';
import * as siteRecords002 from './002-site-records';
import * as fleetStatus003 from './003-fleet-status';
import * as lookupLogOrder004 from './004-lookup-log-order';
import * as villageDuties005 from './005-village-duties';
import * as pointCases006 from './006-point-cases';
import * as cardBlocks007 from './007-card-blocks';

/** The county's migrations in order (names sort as they run). A new one takes the next number and is listed here. */
export function countyMigrations(engine: CountyEngine): Record<string, Migration> {
  return {
    '001-county': { up: (db) => county001.up(db, engine) },
    '002-site-records': { up: (db) => siteRecords002.up(db, engine) },
    '003-fleet-status': { up: (db) => fleetStatus003.up(db, engine) },
    '004-lookup-log-order': { up: (db) => lookupLogOrder004.up(db, engine) },
    '005-village-duties': { up: (db) => villageDuties005.up(db, engine) },
    '006-point-cases': { up: (db) => pointCases006.up(db, engine) },
    '007-card-blocks': { up: (db) => cardBlocks007.up(db, engine) },
  };
}
