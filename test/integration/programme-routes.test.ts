import ExcelJS from 'exceljs';
import { programme, programmePage } from '../../src/county/console/programme';
import { programmeRoutes } from '../../src/county/console/programme-routes';
import { programmeWorkbook } from '../../src/county/console/programme-workbook';
import { PROGRAMME_STAGES, type Programme, type Scope } from '../../src/shared/console/api';
import { resources } from '../../src/shared/locales';
import { TableQuerySchema } from '../../src/shared/console/table-query';
import { startConsoleRouteStand, type ConsoleRouteCaller, type ConsoleRouteStand } from '../support/console-route-stand';

/**
 * The programme routes (programme-routes.ts) and the table as xlsx (programme-workbook.ts) on a bare fastify with the
 * console's hooks, over the demo county: each route answers the table of the caller's scope for the query it was
 * given (programme-store.test.ts pins the table itself), a stage is recorded or cleared only at a point in scope and
 * only for a stage staff record by hand, with the day asked for, audited; the workbook has a row per point and a
 * column per stage, and the county's dates, in the language asked for. console-programme.test.ts covers the same
 * through a started county.
 */
const NOW = Date.parse('2026-11-30T09:00:00.000Z');
const TUWO_SCOPE: Scope = { kind: 'township', township: '140105001' };

describe('programme routes and the xlsx', () => {
  let stand: ConsoleRouteStand;
  let tuwo: ConsoleRouteCaller;
  let beige: ConsoleRouteCaller;
  beforeAll(async () => {
    stand = await startConsoleRouteStand([programmeRoutes], { clock: NOW, prefix: 'programme-routes-' });
    tuwo = await stand.as('township-tuwo');
    beige = await stand.as('township-beige');
  });
  afterAll(() => stand.close());
  const q = () => stand.county.query;
  const now = () => new Date(stand.clock);
  const stages = () => q().selectFrom('programme_stages').selectAll().orderBy('kiosk_id').orderBy('stage').execute();
  const trail = () => q().selectFrom('audit_log').select(['at', 'actor_id', 'actor_name', 'action', 'target', 'township', 'detail']).where('action', 'like', 'programme.%').orderBy('seq').execute();
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

  // The first test calls every route (the stand registers them in it; see console-route-stand.ts).
  it("answers the table of the caller's scope for the query given, and refuses a query that does not read", async () => {
    expect((await tuwo.call('GET', '/programme.xlsx')).status).toBe(200);
    expect(await tuwo.call('POST', '/programme/demo-kiosk/commissioned', { done: true })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    const asked = { sort: 'siteSetUp', desc: '1', q: 'demo', only: 'behind', offset: '1', limit: '1' } as const;
    const answer = await tuwo.call('GET', `/programme?${new URLSearchParams(asked).toString()}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(json(await programmePage(q(), TUWO_SCOPE, now(), TableQuerySchema.parse(asked))));
    const whole = (await beige.call('GET', '/programme')).body as unknown as Programme;
    expect(whole).toEqual(json(await programmePage(q(), { kind: 'township', township: '140105002' }, now(), TableQuerySchema.parse({}))));
    expect(whole.rows.map((r) => r.point.kioskId)).toEqual(['demo-kiosk-3']);
    expect(await tuwo.call('GET', '/programme?limit=0')).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
  });

  it('refuses a stage that does not exist, a point out of scope, a derived stage and a bad body; nothing is stored', async () => {
    const before = await stages();
    expect(await tuwo.call('POST', '/programme/demo-kiosk/nope', { done: true })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('POST', `/programme/${'k'.repeat(65)}/trained`, { done: true })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await beige.call('POST', '/programme/demo-kiosk/trained', { done: true })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await tuwo.call('POST', '/programme/no-such-kiosk/trained', { done: true })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    for (const stage of ['staffAccounts', 'commissioned', 'accepted']) {
      expect(await tuwo.call('POST', `/programme/demo-kiosk/${stage}`, { done: true })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    }
    expect(await tuwo.call('POST', '/programme/demo-kiosk/trained', { date: '2026-11-20' })).toMatchObject({ status: 400, body: { error: 'invalid_body', field: 'done' } });
    expect(await stages()).toEqual(before);
    expect(await trail()).toEqual([]);
  });

  it('records a stage on the day asked for (noon UTC) or now, clears it, audits each, and answers the table', async () => {
    stand.clock = NOW + 1000;
    const marked = await tuwo.call('POST', '/programme/demo-kiosk-2/trained', { done: true, date: '2026-11-20' });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual(json(await programmePage(q(), TUWO_SCOPE, now(), TableQuerySchema.parse({}))));
    expect((marked.body as unknown as Programme).rows.find((r) => r.point.kioskId === 'demo-kiosk-2')!.stages.trained).toEqual({ doneAt: '2026-11-20T12:00:00.000Z', by: '土沃乡人社所 王建国' });
    expect(await stages()).toEqual([{ kiosk_id: 'demo-kiosk-2', stage: 'trained', done_at: Date.parse('2026-11-20T12:00:00Z'), actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国' }]);

    stand.clock = NOW + 2000;
    expect((await tuwo.call('POST', '/programme/demo-kiosk/siteSetUp', { done: true })).status).toBe(200);
    expect((await stages()).find((s) => s.kiosk_id === 'demo-kiosk')).toMatchObject({ stage: 'siteSetUp', done_at: NOW + 2000 });

    stand.clock = NOW + 3000;
    expect((await tuwo.call('POST', '/programme/demo-kiosk-2/trained', { done: false })).status).toBe(200);
    expect((await stages()).map((s) => `${s.kiosk_id}/${s.stage}`)).toEqual(['demo-kiosk/siteSetUp']);
    const entry = { actor_id: 'township-tuwo', actor_name: '土沃乡人社所 王建国', township: '140105001' };
    expect(await trail()).toEqual([
      { at: NOW + 1000, ...entry, action: 'programme.mark', target: 'demo-kiosk-2', detail: 'trained' },
      { at: NOW + 2000, ...entry, action: 'programme.mark', target: 'demo-kiosk', detail: 'siteSetUp' },
      { at: NOW + 3000, ...entry, action: 'programme.clear', target: 'demo-kiosk-2', detail: 'trained' },
    ]);
  });

  describe('the xlsx', () => {
    const load = async (bytes: Uint8Array | Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      return workbook;
    };
    const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    const contents = async (bytes: Uint8Array | Buffer) => (await load(bytes)).worksheets.map((sheet) => [sheet.name, values(sheet)]);

    it("sends the caller's table as an attachment named for the day, in Chinese unless English is asked for", async () => {
      const zh = await tuwo.call('GET', '/programme.xlsx');
      expect(zh.status).toBe(200);
      expect(zh.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(zh.headers['content-disposition']).toBe(`attachment; filename="programme-${now().toISOString().slice(0, 10)}.xlsx"`);
      // Zip entries carry the time they were written, so the files are compared by what they hold.
      const data = await programme(q(), TUWO_SCOPE, now());
      expect(await contents(zh.raw)).toEqual(await contents(await programmeWorkbook(data, 'zh-CN')));
      expect(await contents((await tuwo.call('GET', '/programme.xlsx?lang=fr')).raw)).toEqual(await contents(zh.raw));
      const en = await contents((await tuwo.call('GET', '/programme.xlsx?lang=en')).raw);
      expect(en).toEqual(await contents(await programmeWorkbook(data, 'en')));
      expect(en).not.toEqual(await contents(zh.raw));
      const beigeFile = await contents((await beige.call('GET', '/programme.xlsx')).raw);
      expect(beigeFile).toEqual(await contents(await programmeWorkbook(await programme(q(), { kind: 'township', township: '140105002' }, now()), 'zh-CN')));
      expect(beigeFile).not.toEqual(await contents(zh.raw));
    });

    it('has a row per point with the day each stage was reached and the stages past due, then the county’s dates', async () => {
      const data = await programme(q(), TUWO_SCOPE, now());
      for (const language of ['zh-CN', 'en'] as const) {
        const text = resources[language].console.programme;
        const workbook = await load(await programmeWorkbook(data, language));
        const [sheet, dates] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
        expect([sheet.name, dates.name, workbook.worksheets.length]).toEqual([text.sheet, text.datesSheet, 2]);
        expect(values(sheet)).toEqual([
          [text.point, text.divisionCode, ...PROGRAMME_STAGES.map((s) => text.stages[s]), text.behind],
          ...data.rows.map((row) => [
            row.point.name[language],
            row.point.divisionCode,
            ...PROGRAMME_STAGES.map((s) => row.stages[s]?.doneAt.slice(0, 10) ?? ''),
            row.behind.map((s) => text.stages[s]).join(', '),
          ]),
        ]);
        expect(values(dates)).toEqual([[text.stage, text.due, text.target, text.reached, text.state], ...data.milestones.map((m) => [text.stages[m.stage], m.due, m.share, m.reached, text.states[m.state]])]);
      }
      // What the test's county holds, so the rows above are not empty ones.
      expect(data.rows.map((r) => [r.point.kioskId, r.stages.siteSetUp?.doneAt.slice(0, 10) ?? '', r.behind.length > 0])).toEqual([
        ['demo-kiosk', '2026-11-30', true],
        ['demo-kiosk-2', '', true],
      ]);
      expect(new Set(data.milestones.map((m) => m.state))).toEqual(new Set(['met', 'missed', 'open']));
    });

    it('freezes the heading and the point columns, sets bold headings, widths and percentages', async () => {
      const workbook = await load(await programmeWorkbook(await programme(q(), TUWO_SCOPE, now())));
      const [sheet, dates] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
      expect(sheet.name).toBe(resources['zh-CN'].console.programme.sheet);
      expect(sheet.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1, xSplit: 2 })]);
      expect([sheet.getRow(1).font?.bold, sheet.getRow(2).font?.bold, dates.getRow(1).font?.bold, dates.getRow(2).font?.bold]).toEqual([true, undefined, true, undefined]);
      expect(sheet.columns.map((c) => c.width)).toEqual([30, ...Array.from({ length: PROGRAMME_STAGES.length + 2 }, () => 14)]);
      expect(dates.columns.map((c) => c.width)).toEqual([16, 16, 16, 16, 16]);
      expect([2, 3, 4, 5].map((i) => dates.getRow(2).getCell(i).numFmt)).toEqual([undefined, '0%', '0%', undefined]);
    });
  });
});
