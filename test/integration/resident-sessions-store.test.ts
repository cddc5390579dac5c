import type { CountyDatabase } from '../../src/county/db/connection';
import { endResidentSession, liveSession, logLookup, lookupLog, openResidentSession, MAX_SESSIONS_PER_KIOSK_PER_HOUR } from '../../src/county/resident-sessions';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';

/**
 * Resident sessions at the county (resident-sessions.ts) called directly, one edge at a time: a notice sent again,
 * a session id taken by another resident, the hourly cap per kiosk to the millisecond, the clean-up of old
 * sessions, the end of a visit, the live session a lookup needs, and the lookup log. county-scoping.test.ts covers
 * the same through the signed routes, with one case each.
 */
const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const iso = (ms: number) => at(ms).toISOString();
const MIN = 60_000;
const ID_A = '110101199003070012';
const ID_B = '110101198512120023';
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const notice = (n: number, idNumber = ID_A, source: 'idCard' | 'socialSecurityCard' | 'typedByClerk' = 'idCard') => ({ sessionId: uuid(n), idNumber, source, identifiedAt: iso(0) });

describe('resident sessions on the county database', () => {
  let county: CountyDatabase;
  const rows = (kioskId: string) =>
    county.query.selectFrom('resident_sessions').select(['session_id', 'id_number', 'source', 'opened_at', 'expires_at']).where('kiosk_id', '=', kioskId).orderBy('opened_at').orderBy('session_id').execute();

  beforeAll(async () => {
    county = await openTestCountyDatabase('resident-sessions-');
  });
  afterAll(() => closeTestCountyDatabase(county));

  it('opens a session for thirty minutes, answers the same notice again with the first answer, and refuses its id for another resident', async () => {
    expect(await openResidentSession(county.query, 'k-open', notice(1, ID_A, 'typedByClerk'), at(0))).toEqual({ ok: true, expiresAt: iso(30 * MIN) });
    expect(await rows('k-open')).toEqual([{ session_id: uuid(1), id_number: ID_A, source: 'typedByClerk', opened_at: iso(0), expires_at: iso(30 * MIN) }]);
    expect(await openResidentSession(county.query, 'k-open', notice(1, ID_A), at(5 * MIN))).toEqual({ ok: true, expiresAt: iso(30 * MIN) });
    expect(await openResidentSession(county.query, 'k-open', notice(1, ID_B), at(5 * MIN))).toEqual({ ok: false, status: 409, error: 'session_taken' });
    expect(await rows('k-open')).toHaveLength(1);
    // The same session id at another kiosk is another session.
    expect(await openResidentSession(county.query, 'k-open-2', notice(1, ID_B), at(5 * MIN))).toEqual({ ok: true, expiresAt: iso(35 * MIN) });
  });

  it(`lets a kiosk open ${MAX_SESSIONS_PER_KIOSK_PER_HOUR} sessions an hour, counting only its own sessions of the last hour`, async () => {
    for (let n = 0; n < MAX_SESSIONS_PER_KIOSK_PER_HOUR; n++) expect((await openResidentSession(county.query, 'k-cap', notice(1000 + n), at(0))).ok).toBe(true);
    expect(await openResidentSession(county.query, 'k-cap', notice(2000), at(0))).toEqual({ ok: false, status: 429, error: 'too_many_sessions' });
    expect(await openResidentSession(county.query, 'k-cap', notice(2000), at(60 * MIN - 1))).toEqual({ ok: false, status: 429, error: 'too_many_sessions' });
    expect((await openResidentSession(county.query, 'k-cap-other', notice(2000), at(0))).ok).toBe(true);
    // Sessions opened exactly an hour ago no longer count.
    expect(await openResidentSession(county.query, 'k-cap', notice(2000), at(60 * MIN))).toEqual({ ok: true, expiresAt: iso(90 * MIN) });
  });

  it('drops sessions an hour past their expiry when a new one opens, and keeps those that are not yet', async () => {
    await openResidentSession(county.query, 'k-sweep', notice(3001), at(0)); // expires at 30 min
    await openResidentSession(county.query, 'k-sweep', notice(3002), at(1)); // expires at 30 min + 1 ms
    await openResidentSession(county.query, 'k-sweep', notice(3003), at(90 * MIN)); // an hour before: 30 min
    expect((await rows('k-sweep')).map((r) => r.session_id)).toEqual([uuid(3001), uuid(3002), uuid(3003)]);
    await openResidentSession(county.query, 'k-sweep', notice(3004), at(90 * MIN + 1)); // an hour before: 30 min + 1 ms
    expect((await rows('k-sweep')).map((r) => r.session_id)).toEqual([uuid(3002), uuid(3003), uuid(3004)]);
  });

  it("finds this kiosk's live session for a resident, the newest first, until it expires", async () => {
    await openResidentSession(county.query, 'k-live', notice(4001, ID_A), at(0));
    await openResidentSession(county.query, 'k-live', notice(4002, ID_A), at(MIN));
    await openResidentSession(county.query, 'k-live', notice(4003, ID_B), at(2 * MIN));
    expect(await liveSession(county.query, 'k-live', ID_A, at(2 * MIN))).toBe(uuid(4002));
    expect(await liveSession(county.query, 'k-live', ID_B, at(2 * MIN))).toBe(uuid(4003));
    expect(await liveSession(county.query, 'k-live-other', ID_A, at(2 * MIN))).toBeNull();
    expect(await liveSession(county.query, 'k-live', ID_A, at(31 * MIN - 1))).toBe(uuid(4002));
    expect(await liveSession(county.query, 'k-live', ID_A, at(31 * MIN))).toBeNull();
  });

  it('ends a visit at once, only at its own kiosk and only once', async () => {
    await openResidentSession(county.query, 'k-end', notice(5001, ID_A), at(0));
    expect(await endResidentSession(county.query, 'k-end-other', uuid(5001), at(MIN))).toBe(false);
    expect(await liveSession(county.query, 'k-end', ID_A, at(MIN))).toBe(uuid(5001));
    expect(await endResidentSession(county.query, 'k-end', uuid(5001), at(MIN))).toBe(true);
    expect(await liveSession(county.query, 'k-end', ID_A, at(MIN))).toBeNull();
    expect((await rows('k-end'))[0]!.expires_at).toBe(iso(MIN));
    expect(await endResidentSession(county.query, 'k-end', uuid(5001), at(2 * MIN))).toBe(false);
    expect((await rows('k-end'))[0]!.expires_at).toBe(iso(MIN));
    // An expired session is not ended again either.
    await openResidentSession(county.query, 'k-end', notice(5002, ID_B), at(0));
    expect(await endResidentSession(county.query, 'k-end', uuid(5002), at(30 * MIN))).toBe(false);
  });

  it('logs each lookup with the ID number masked, newest first, per kiosk and up to a limit', async () => {
    await logLookup(county.query, { kioskId: 'k-log', itemCode: 'INS-09', idNumber: ID_A, sessionId: uuid(1), outcome: 'answered', at: at(0) });
    await logLookup(county.query, { kioskId: 'k-log', itemCode: 'EMP-01', idNumber: null, sessionId: null, outcome: 'listing', at: at(1) });
    await logLookup(county.query, { kioskId: 'k-log-other', itemCode: 'INS-09', idNumber: ID_B, sessionId: null, outcome: 'noSession', at: at(2) });
    expect(await lookupLog(county.query, 'k-log')).toEqual([
      { at: iso(1), kioskId: 'k-log', itemCode: 'EMP-01', idNumberMasked: null, sessionId: null, outcome: 'listing' },
      { at: iso(0), kioskId: 'k-log', itemCode: 'INS-09', idNumberMasked: '1101**********0012', sessionId: uuid(1), outcome: 'answered' },
    ]);
    expect((await lookupLog(county.query)).map((e) => e.kioskId)).toEqual(['k-log-other', 'k-log', 'k-log']);
    expect(await lookupLog(county.query, undefined, 1)).toEqual([{ at: iso(2), kioskId: 'k-log-other', itemCode: 'INS-09', idNumberMasked: '1101**********0023', sessionId: null, outcome: 'noSession' }]);
  });
});
