import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import type { CountyDatabase } from '../../src/county/db/connection';
import { describeBackOfficeContract } from '../support/back-office-contract';
import { openTestCountyDatabase } from '../support/county-database';

// Each test of the contract gets a county database of its own; all are closed after the file (on PostgreSQL an open
// pool's idle clients kept the Jest worker from exiting).
const opened: CountyDatabase[] = [];
afterAll(async () => {
  for (const db of opened.splice(0)) await db.close();
});

// The reference back office against the port's contract; a provincial adapter adds one line like this one.
describeBackOfficeContract('reference', async () => {
  const db = await openTestCountyDatabase('back-office-contract-');
  opened.push(db);
  return new ReferenceBackOffice(db.query);
});
