import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { openCountyDatabase } from '../../src/county/db/connection';
import { describeBackOfficeContract } from '../support/back-office-contract';
import { tempDataDir } from '../support/store-fixtures';

// The reference back office against the port's contract; a provincial adapter adds one line like this one.
describeBackOfficeContract('reference', async () => new ReferenceBackOffice((await openCountyDatabase({ dataDir: tempDataDir('back-office-contract-') })).query));
