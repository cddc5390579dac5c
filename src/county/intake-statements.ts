import { CompiledQuery } from 'kysely';
import type { ItemOutcome } from '../shared/sync/outcomes';
import { engineOf, type CountyQuery } from './db/connection';
import { advanceOutcomeCursor } from './db/counters';
import { insertRows } from './db/raw';
import { retryingConflicts } from './db/transaction';

/**
 * The intake's own statements, fewest round trips first. On PostgreSQL each statement is a round trip whose answer
 * waits for the gateway's one event loop (busy with other kiosks' requests), so a batch lasts as many turns as it has
 * statements: it had eight in its transaction plus the signature check's read, the bare baseline six
 * (bench/county-intake.bench.ts). Here the read before judging is one statement, and a batch of applications is
 * stored by one more (`storeApplications`: a data-modifying WITH, run as its own transaction), three round trips in
 * all. SQLite does not speak data-modifying WITH, and its statements cost no round trip: there they stay apart, in
 * the group's transaction. SQL texts are made once per row count.
 */
const ACCEPTED_TEXT = { 'zh-CN': '县里已收到您的申请。', en: 'The county has received your application.' };

/** A stored application's first outcome. Made from values the batch schema checked: typed, not parsed again (50 parses a batch were measurable). */
export function acceptedOutcome(itemId: string, trackingNumber: string, at: string): ItemOutcome {
  return { itemId, trackingNumber, seq: 1, state: 'accepted', at, steps: [{ at, state: 'accepted', text: ACCEPTED_TEXT }] };
}

const texts = new Map<string, string>();
/** The text made by `make` for `key`, made once; `?` becomes $1, $2 ... on PostgreSQL. */
function textFor(q: CountyQuery, key: string, make: () => string): string {
  const engine = engineOf(q);
  const full = `${engine} ${key}`;
  let text = texts.get(full);
  if (text === undefined) {
    let n = 0;
    text = engine === 'postgres' ? make().replace(/\?/g, () => `$${++n}`) : make();
    if (texts.size >= 1_000) texts.clear();
    texts.set(full, text);
  }
  return text;
}

const marks = (n: number, each: string) => Array.from({ length: n }, () => each).join(', ');

/**
 * Which of `ids` are stored already (and by which kiosk), and the published catalogue's version (null before one
 * is published), in one statement.
 */
export async function storedOwnersAndCatalogVersion(q: CountyQuery, ids: readonly string[]): Promise<{ owners: Map<string, string>; catalogVersion: number | null }> {
  const text = textFor(q, `owners ${ids.length}`, () =>
    ids.length === 0
      ? `select c.version as catalog_version, null as id, null as kiosk_id from (select 1 as one) one left join config_parts c on c.part = 'catalog'`
      : `select c.version as catalog_version, i.id, i.kiosk_id from (select 1 as one) one left join config_parts c on c.part = 'catalog' left join items i on i.id in (${marks(ids.length, '?')})`,
  );
  const { rows } = await q.executeQuery<{ catalog_version: number | null; id: string | null; kiosk_id: string | null }>(CompiledQuery.raw(text, [...ids]));
  const owners = new Map<string, string>();
  for (const r of rows) if (r.id !== null && r.kiosk_id !== null) owners.set(r.id, r.kiosk_id);
  return { owners, catalogVersion: rows[0]?.catalog_version ?? null };
}

/**
 * After the items' insert: the first outcome (`accepted`, the kiosk's next cursors, in order) of each newly stored
 * application in `fresh`, and one delivery row per item of the batch with the answer it got.
 */
export async function recordAcceptedAndDeliveries(
  q: CountyQuery,
  kioskId: string,
  fresh: ReadonlyArray<{ itemId: string; trackingNumber: string }>,
  deliveries: ReadonlyArray<{ id: string; status: string }>,
  at: string,
): Promise<void> {
  if (engineOf(q) === 'sqlite' || fresh.length === 0) {
    if (fresh.length > 0) {
      const last = await advanceOutcomeCursor(q, kioskId, fresh.length);
      await insertRows(
        q,
        'outcomes',
        fresh.map(({ itemId, trackingNumber }, i) => ({
          item_id: itemId,
          kiosk_id: kioskId,
          seq: 1,
          state: 'accepted',
          body: JSON.stringify(acceptedOutcome(itemId, trackingNumber, at)),
          cursor: last - fresh.length + 1 + i,
        })),
      );
    }
    await insertRows(q, 'deliveries', deliveries.map((r) => ({ kiosk_id: kioskId, item_id: r.id, outcome: r.status, at })));
    return;
  }
  // The same three writes as one statement: the counter's upsert (as advanceOutcomeCursor), the outcomes numbered
  // from the value it returns (row n gets last - count + n), the deliveries. Parameters: counter name, count (three
  // times), kiosk and time among them, then item id and outcome body per fresh item, then item id and answer per delivery.
  const text = textFor(
    q,
    `accepted ${fresh.length} ${deliveries.length}`,
    () =>
      `with cursor_block as (insert into counters (name, value) values (?, coalesce((select c.value from counters c where c.name = 'outcomes'), 0) + ?::bigint)` +
      ` on conflict (name) do update set value = counters.value + ?::bigint returning value),` +
      ` params as (select ?::text as kiosk_id, ?::text as at, ?::bigint as n),` +
      ` first_outcomes as (insert into outcomes (item_id, kiosk_id, seq, state, body, cursor)` +
      ` select v.item_id, params.kiosk_id, 1, 'accepted', v.body, cursor_block.value - params.n + v.k from cursor_block, params,` +
      ` (values ${Array.from({ length: fresh.length }, (_, i) => `(?::text, ?::text, ${i + 1})`).join(', ')}) as v(item_id, body, k))` +
      ` insert into deliveries (kiosk_id, item_id, outcome, at) select params.kiosk_id, d.item_id, d.outcome, params.at from params,` +
      ` (values ${marks(deliveries.length, '(?::text, ?::text)')}) as d(item_id, outcome)`,
  );
  const values: unknown[] = [`outcomes:${kioskId}`, fresh.length, fresh.length, kioskId, at, fresh.length];
  for (const f of fresh) values.push(f.itemId, JSON.stringify(acceptedOutcome(f.itemId, f.trackingNumber, at)));
  for (const d of deliveries) values.push(d.id, d.status);
  await q.executeQuery(CompiledQuery.raw(text, values));
}

/**
 * PostgreSQL without a transaction: a batch's applications stored by ONE statement, which PostgreSQL runs atomically
 * as its own transaction (so a batch costs no BEGIN and COMMIT round trips): the items (`ON CONFLICT (id) DO NOTHING`),
 * and for exactly the rows that insert returned, the first outcomes of `fresh` ones (numbered in batch order from the
 * kiosk's counter, advanced by as many), the claims on their attachments, and the deliveries (a row marked `ifStored`
 * is written only if its item was). Returns the ids stored; the caller answers the others (another gateway's).
 */
export async function storeApplications(
  q: CountyQuery,
  batch: {
    kioskId: string;
    at: string;
    items: ReadonlyArray<Record<string, unknown>>;
    fresh: ReadonlyArray<{ itemId: string; trackingNumber: string }>;
    attachments: ReadonlyArray<{ itemId: string; sha256: string }>;
    deliveries: ReadonlyArray<{ id: string; status: string; ifStored: boolean }>;
  },
): Promise<Set<string>> {
  const { kioskId, at, items, fresh, attachments, deliveries } = batch;
  if (items.length === 0) {
    await insertRows(q, 'deliveries', deliveries.map((d) => ({ kiosk_id: kioskId, item_id: d.id, outcome: d.status, at })));
    return new Set();
  }
  const columns = Object.keys(items[0]!);
  const text = textFor(q, `store ${columns.join(',')} ${items.length} ${fresh.length} ${attachments.length} ${deliveries.length}`, () => {
    const freshRows =
      fresh.length === 0
        ? `select null::text as item_id, null::text as body, 0::bigint as n where false`
        : `select f.item_id, f.body, row_number() over (order by f.k) as n from (values ${Array.from({ length: fresh.length }, (_, i) => `(?::text, ?::text, ${i + 1})`).join(', ')}) as f(item_id, body, k) where f.item_id in (select id from ins)`;
    const claims =
      attachments.length === 0
        ? ''
        : ` claimed as (update kiosk_attachments set claimed = 1 where kiosk_id = (select kiosk_id from params) and sha256 in (select a.sha256 from (values ${marks(attachments.length, '(?::text, ?::text)')}) as a(item_id, sha256) where a.item_id in (select id from ins))),`;
    return (
      `with ins as (insert into items (${columns.join(', ')}) values ${marks(items.length, `(${marks(columns.length, '?')})`)} on conflict (id) do nothing returning id),` +
      ` params as (select ?::text as kiosk_id, ?::text as at, ?::text as counter),` +
      ` fresh as (${freshRows}),` +
      ` counted as (select count(*)::bigint as c from fresh),` +
      ` cursor_block as (insert into counters (name, value) select params.counter, coalesce((select c.value from counters c where c.name = 'outcomes'), 0) + counted.c from params, counted` +
      ` on conflict (name) do update set value = counters.value + (select c from counted) returning value),` +
      ` first_outcomes as (insert into outcomes (item_id, kiosk_id, seq, state, body, cursor)` +
      ` select fresh.item_id, params.kiosk_id, 1, 'accepted', fresh.body, cursor_block.value - counted.c + fresh.n from fresh, params, cursor_block, counted),` +
      claims +
      ` delivered as (insert into deliveries (kiosk_id, item_id, outcome, at) select params.kiosk_id, d.item_id, d.outcome, params.at from params,` +
      ` (values ${marks(deliveries.length, '(?::text, ?::text, ?::boolean)')}) as d(item_id, outcome, if_stored) where not d.if_stored or d.item_id in (select id from ins))` +
      ` select id from ins`
    );
  });
  const values: unknown[] = [];
  for (const row of items) for (const c of columns) values.push(row[c] ?? null);
  values.push(kioskId, at, `outcomes:${kioskId}`);
  for (const f of fresh) values.push(f.itemId, JSON.stringify(acceptedOutcome(f.itemId, f.trackingNumber, at)));
  for (const a of attachments) values.push(a.itemId, a.sha256);
  for (const d of deliveries) values.push(d.id, d.status, d.ifStored);
  const { rows } = await retryingConflicts(() => q.executeQuery<{ id: string }>(CompiledQuery.raw(text, values)));
  return new Set(rows.map((r) => r.id));
}
