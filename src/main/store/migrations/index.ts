import { migration001 } from './001-initial';
import { migration002 } from './002-service-channel';
import { migration003 } from './003-report-counting';
import { migration004 } from './004-outcomes';
import { migration005 } from './005-inquiries';
import { migration006 } from './006-listing-cache';
import { migration007 } from './007-fault-levels';
import { migration008 } from './008-site-records';
import { migration009 } from './009-unused-tallies';
import { migration010 } from './010-cases';
import { migration011 } from './011-inquiry-village-group';
import type { Migration } from './migration';

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];
