import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { describeBackOfficeContract } from '../support/back-office-contract';
import { openTestCountyDatabase } from '../support/county-database';

// The reference back office against the port's contract; a provincial adapter adds one line like this one.
describeBackOfficeContract('reference', async () => new ReferenceBackOffice((await openTestCountyDatabase('back-office-contract-')).query));
