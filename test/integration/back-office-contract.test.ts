import { ReferenceBackOffice } from '../../src/county/back-office/reference-back-office';
import { openCountyDb } from '../../src/county/county-db';
import { describeBackOfficeContract } from '../support/back-office-contract';
import { tempDataDir } from '../support/store-fixtures';

// The reference back office against the port's contract; a provincial adapter adds one line like this one.
describeBackOfficeContract('reference', () => new ReferenceBackOffice(openCountyDb(tempDataDir('back-office-contract-'))));
