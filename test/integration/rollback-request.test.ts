import type { ConsoleRoutes } from '../../src/county/console/console-plugin';
import { record, type Subject } from '../../src/county/console/publishing';
import { earlierPublication } from '../../src/county/console/rollback-request';
import type { CountyDatabase } from '../../src/county/db/connection';
import { closeTestCountyDatabase, openTestCountyDatabase } from '../support/county-database';
import { startConsoleRoutes, type ConsoleCaller, type ConsoleRoutesApp } from '../support/console-routes-app';

/**
 * A rollback request read and looked up (rollback-request.ts) inside a console route, in-process on a county
 * database: the earlier publication of the route's own subject by its seq, 400 for a body that names no seq, 404 for
 * a seq that is not this subject's; each refusal answered by the function itself, which then hands back nothing.
 * console-publishing.test.ts and catalog-publishing.test.ts roll back through the publishing routes of a started county.
 */
const AT = Date.parse('2026-12-01T08:00:00.000Z');

describe('a rollback request', () => {
  let county: CountyDatabase;
  let routes: ConsoleRoutesApp;
  let admin: ConsoleCaller;
  /** What earlierPublication handed back to the route, per request ('nothing' for undefined; 'threw' if it threw). */
  const handedBack: unknown[] = [];
  const rollbackOf =
    (name: string, subject: Subject): ConsoleRoutes =>
    (api, options) => {
      api.post(`/rollback/${name}`, async (request, reply) => {
        let earlier: Awaited<ReturnType<typeof earlierPublication>>;
        try {
          earlier = await earlierPublication(options.query, request, reply, subject);
        } catch (error) {
          handedBack.push('threw');
          throw error;
        }
        handedBack.push(earlier ?? 'nothing');
        return earlier ?? reply;
      });
    };
  const ask = async (name: string, body: unknown, raw?: string) => {
    handedBack.length = 0;
    const answer = await admin('POST', `/console/api/rollback/${name}`, body, raw);
    return { ...answer, handedBack: [...handedBack] };
  };

  beforeAll(async () => {
    county = await openTestCountyDatabase('rollback-request-');
    const actor = { id: 'admin', name: '赵科长' };
    await record(county.query, 'announcements', [{ id: 'first' }], 1, actor, AT, null);
    await record(county.query, 'site:kiosk-east', { idleSeconds: 45 }, 2, actor, AT + 1, null);
    await record(county.query, 'announcements', [], 3, actor, AT + 2, null);
    routes = await startConsoleRoutes(county, [rollbackOf('announcements', 'announcements'), rollbackOf('east-site', 'site:kiosk-east')], { now: () => new Date(AT) });
    admin = await routes.signedIn({ id: 'admin', displayName: '赵科长', roles: ['countyAdmin'], scope: { kind: 'county' } });
  });
  afterAll(async () => {
    await routes.close();
    await closeTestCountyDatabase(county);
  });

  it("hands back the earlier publication of the subject by its seq, the body as published", async () => {
    const seqs = (await county.query.selectFrom('publications').select(['seq', 'subject']).orderBy('seq').execute()).map((r) => r.seq);
    expect(await ask('announcements', { seq: seqs[0] })).toEqual({ status: 200, body: { seq: seqs[0], body: [{ id: 'first' }] }, handedBack: [{ seq: seqs[0], body: [{ id: 'first' }] }] });
    expect(await ask('announcements', { seq: seqs[2] })).toMatchObject({ status: 200, body: { seq: seqs[2], body: [] } });
    expect(await ask('east-site', { seq: seqs[1] })).toMatchObject({ status: 200, body: { seq: seqs[1], body: { idleSeconds: 45 } } });
  });

  it("answers 404 for a seq that is not this subject's, and hands back nothing", async () => {
    const siteSeq = (await county.query.selectFrom('publications').select('seq').where('subject', '=', 'site:kiosk-east').executeTakeFirstOrThrow()).seq;
    expect(await ask('announcements', { seq: siteSeq })).toEqual({ status: 404, body: { error: 'not_found' }, handedBack: ['nothing'] });
    expect(await ask('announcements', { seq: 999 })).toEqual({ status: 404, body: { error: 'not_found' }, handedBack: ['nothing'] });
  });

  it('answers 400 naming the seq for a body without a positive whole seq, and for one that is no JSON, handing back nothing', async () => {
    for (const body of [{}, { seq: 0 }, { seq: -1 }, { seq: 1.5 }, { seq: '1' }]) {
      expect(await ask('announcements', body)).toEqual({ status: 400, body: { error: 'invalid_body', field: 'seq' }, handedBack: ['nothing'] });
    }
    expect(await ask('announcements', undefined, '{"seq":')).toEqual({ status: 400, body: { error: 'invalid_json' }, handedBack: ['nothing'] });
  });
});
