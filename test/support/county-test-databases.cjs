// The PostgreSQL databases one Jest run makes for its test counties (COUNTY_TEST_DATABASE set). Each test county gets a
// fresh database (test/support/county-database.ts); this names them after the run and drops them when it ends, so a
// run (and a Stryker run, which is one Jest run per mutant) leaves nothing on the server. Before, none was dropped: a
// mutation run made thousands of 7-8 MB databases and filled the disk. Only the run's own names are dropped, so two
// runs on one server (a Stryker run beside a test run) never drop each other's databases.
const crypto = require('node:crypto');

/** `county_<pid>_<run>_`: the process that made a database is in its name, so a killed run's can be found later. */
const NAME = /^county_(\d+)_[0-9a-f]{8}_/;

/** Runs a callback with a client on the test server. */
async function onServer(server, work) {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the databases whose names pass `doomed` (their connections, a pool a failed test left open, are ended). */
async function dropWhere(client, doomed) {
  const { rows } = await client.query('SELECT datname FROM pg_database');
  // Names are checked here (digits, hex and underscores: safe as identifiers) rather than with LIKE's `_` wildcard.
  for (const { datname } of rows) if (NAME.test(datname) && doomed(datname)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Sets the run's database name prefix (the workers inherit it: they start after globalSetup), and drops what runs
 * whose process is gone left behind: Stryker kills a run that times out, and a killed run's teardown never comes.
 * The test servers are local (scripts/postgres-cluster.mjs), so a process that is not alive here is gone.
 */
async function nameRunDatabases() {
  const server = process.env.COUNTY_TEST_DATABASE;
  if (!server) return;
  process.env.KIOSK_JEST_DATABASE_PREFIX = `county_${process.pid}_${crypto.randomBytes(4).toString('hex')}_`;
  await onServer(server, (client) => dropWhere(client, (name) => !processAlive(Number(NAME.exec(name)[1]))));
}

/** Drops every database the run made. */
async function dropRunDatabases() {
  const server = process.env.COUNTY_TEST_DATABASE;
  const prefix = process.env.KIOSK_JEST_DATABASE_PREFIX;
  if (!server || !prefix) return;
  await onServer(server, (client) => dropWhere(client, (name) => name.startsWith(prefix)));
}

module.exports = { nameRunDatabases, dropRunDatabases };
