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

/** The `text` of an accepted outcome's step as JSON: the same for every item. */
const ACCEPTED_TEXT_JSON = JSON.stringify(ACCEPTED_TEXT);

/**
 * `JSON.stringify(acceptedOutcome(itemId, trackingNumber, at))` for each of `fresh`, without making the objects: the
 * same text, key for key (county-intake-statements.test holds the two equal), made from the two strings that differ.
 */
export function acceptedOutcomeTexts(fresh: ReadonlyArray<{ itemId: string; trackingNumber: string }>, at: string): string[] {
  const atJson = JSON.stringify(at);
  const tail = `,"seq":1,"state":"accepted","at":${atJson},"steps":[{"at":${atJson},"state":"accepted","text":${ACCEPTED_TEXT_JSON}}]}`;
  return fresh.map((f) => `{"itemId":${JSON.stringify(f.itemId)},"trackingNumber":${JSON.stringify(f.trackingNumber)}${tail}`);
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
 * is published), in one statement. With `secretOf`, also that kiosk's stored secret (null if there is no such kiosk),
 * so that a signature checked against a remembered secret is confirmed without a round trip of its own (kiosk-secrets.ts).
 */
export async function storedOwnersAndCatalogVersion(
  q: CountyQuery,
  ids: readonly string[],
  secretOf?: string,
): Promise<{ owners: Map<string, string>; catalogVersion: number | null; kioskSecret?: string | null }> {
  const kiosk = secretOf !== undefined;
  // PostgreSQL: the ids as one array parameter, so one prepared statement serves every batch size (a text per size
  // was parsed and planned again on each connection for each new size).
  const postgres = engineOf(q) === 'postgres';
  const noItems = !postgres && ids.length === 0;
  const text = textFor(q, `owners ${postgres ? 'any' : ids.length} ${kiosk}`, () => {
    const read =
      `select c.version as catalog_version${kiosk ? ', k.secret as kiosk_secret' : ''}, ${noItems ? 'null as id, null as kiosk_id' : 'i.id, i.kiosk_id'}` +
      ` from (select 1 as one) one left join config_parts c on c.part = 'catalog'${kiosk ? ' left join kiosks k on k.id = ?' : ''}`;
    return noItems ? read : postgres ? `${read} left join items i on i.id = any(?::text[])` : `${read} left join items i on i.id in (${marks(ids.length, '?')})`;
  });
  const params: unknown[] = kiosk ? [secretOf] : [];
  if (postgres) params.push(ids);
  else params.push(...ids);
  const { rows } = await q.executeQuery<{ catalog_version: number | null; kiosk_secret?: string | null; id: string | null; kiosk_id: string | null }>(CompiledQuery.raw(text, params));
  const owners = new Map<string, string>();
  for (const r of rows) if (r.id !== null && r.kiosk_id !== null) owners.set(r.id, r.kiosk_id);
  return { owners, catalogVersion: rows[0]?.catalog_version ?? null, ...(kiosk ? { kioskSecret: rows[0]?.kiosk_secret ?? null } : {}) };
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
      const bodies = acceptedOutcomeTexts(fresh, at);
      await insertRows(
        q,
        'outcomes',
        fresh.map(({ itemId }, i) => ({
          item_id: itemId,
          kiosk_id: kioskId,
          seq: 1,
          state: 'accepted',
          body: bodies[i]!,
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
  const bodies = acceptedOutcomeTexts(fresh, at);
  fresh.forEach((f, i) => values.push(f.itemId, bodies[i]));
  for (const d of deliveries) values.push(d.id, d.status);
  await q.executeQuery(CompiledQuery.raw(text, values));
}

/** A lone surrogate half (valid pairs are left alone). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Short values as ONE jsonb parameter (`{items, fresh, attachments, deliveries}`, each a list of rows, a row a list
 * of values) instead of one parameter per value: the pg driver's work per parameter (measuring, copying and framing
 * each of ~700 values a batch) was its largest cost in the intake bench's CPU profile. PostgreSQL's `->>` gives back
 * exactly the string that was encoded, with one exception kept out here: PostgreSQL refuses a lone surrogate escape
 * in JSON (`\ud800`), where a text parameter stored U+FFFD (Node's UTF-8); so a value holding one is sent as that
 * same U+FFFD (looked for only when the text shows an escape).
 */
export function batchJson(batch: Record<string, ReadonlyArray<string | ReadonlyArray<string | boolean | null>>>): string {
  const text = JSON.stringify(batch);
  if (!text.includes('\\ud')) return text;
  const clean = (v: string | boolean | null) => (typeof v === 'string' ? v.replace(LONE_SURROGATE, '\ufffd') : v);
  return JSON.stringify(Object.fromEntries(Object.entries(batch).map(([k, rows]) => [k, rows.map((row) => (typeof row === 'string' ? clean(row) : row.map(clean)))])));
}

/** U+001F: JSON.stringify escapes every character below U+0020, so JSON texts joined by it split back exactly. */
const UNIT_SEPARATOR = '\u001f';

/**
 * The JSON texts of `values`, joined into one text parameter (split again by `string_to_array(?, chr(31))`): the long
 * values of a batch (payloads, outcome bodies) would cost as much again encoded as strings inside the jsonb one
 * (every quote escaped), and JSON text is stored as is.
 */
function joinedJsonTexts(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(UNIT_SEPARATOR);
}

/**
 * PostgreSQL without a transaction: a batch's applications stored by ONE statement, which PostgreSQL runs atomically
 * as its own transaction (so a batch costs no BEGIN and COMMIT round trips): the items (`ON CONFLICT (id) DO NOTHING`,
 * inserted in batch order so `arrival` keeps the kiosk's), and for exactly the rows that insert returned, the first
 * outcomes of `fresh` ones (numbered in batch order from the kiosk's counter, advanced by as many), the claims on their
 * attachments, and the deliveries (a row marked `ifStored` is written only if its item was). Each item's `payload` is
 * stored as its JSON text (as `JSON.stringify`). The rows travel in five parameters whatever the batch's size
 * (`batchJson`, `joinedJsonTexts`), so the text depends only on the item columns and whether there are attachments.
 * Returns the ids stored; the caller answers the others (another gateway's).
 */
export async function storeApplications(
  q: CountyQuery,
  batch: {
    kioskId: string;
    at: string;
    items: ReadonlyArray<{ row: Record<string, string | null>; payload: unknown }>;
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
  const columns = Object.keys(items[0]!.row);
  const claims = attachments.length > 0;
  const text = textFor(q, `store ${columns.join(',')} ${claims}`, () => {
    const rowsOf = (list: string, alias: string) => `jsonb_array_elements(batch.b->'${list}') with ordinality as ${alias}(r, k)`;
    return (
      `with batch as (select ?::jsonb as b, string_to_array(?::text, chr(31)) as payloads, string_to_array(?::text, chr(31)) as bodies),` +
      ` ins as (insert into items (${columns.join(', ')}, payload) select ${columns.map((_, i) => `e.r->>${i}`).join(', ')}, e.payload` +
      ` from batch, rows from (jsonb_array_elements(batch.b->'items'), unnest(batch.payloads)) with ordinality as e(r, payload, k) order by e.k` +
      ` on conflict (id) do nothing returning id),` +
      ` params as (select ?::text as kiosk_id, ?::text as at, ?::text as counter),` +
      ` fresh as (select f.item_id, f.body, row_number() over (order by f.k) as n` +
      ` from batch, rows from (jsonb_array_elements_text(batch.b->'fresh'), unnest(batch.bodies)) with ordinality as f(item_id, body, k) where f.item_id in (select id from ins)),` +
      ` counted as (select count(*)::bigint as c from fresh),` +
      ` cursor_block as (insert into counters (name, value) select params.counter, coalesce((select c.value from counters c where c.name = 'outcomes'), 0) + counted.c from params, counted` +
      ` on conflict (name) do update set value = counters.value + (select c from counted) returning value),` +
      ` first_outcomes as (insert into outcomes (item_id, kiosk_id, seq, state, body, cursor)` +
      ` select fresh.item_id, params.kiosk_id, 1, 'accepted', fresh.body, cursor_block.value - counted.c + fresh.n from fresh, params, cursor_block, counted order by fresh.n),` +
      (claims
        ? ` claimed as (update kiosk_attachments set claimed = 1 where kiosk_id = (select kiosk_id from params) and sha256 in (select a.r->>1 from batch, ${rowsOf('attachments', 'a')} where a.r->>0 in (select id from ins))),`
        : '') +
      ` delivered as (insert into deliveries (kiosk_id, item_id, outcome, at) select params.kiosk_id, d.r->>0, d.r->>1, params.at from params, batch, ${rowsOf('deliveries', 'd')}` +
      ` where not (d.r->>2)::boolean or d.r->>0 in (select id from ins) order by d.k)` +
      ` select id from ins`
    );
  });
  const json = batchJson({
    items: items.map(({ row }) => columns.map((c) => row[c] ?? null)),
    fresh: fresh.map((f) => f.itemId),
    attachments: attachments.map((a) => [a.itemId, a.sha256]),
    deliveries: deliveries.map((d) => [d.id, d.status, d.ifStored]),
  });
  const payloads = joinedJsonTexts(items.map((i) => i.payload));
  const bodies = acceptedOutcomeTexts(fresh, at).join(UNIT_SEPARATOR);
  const { rows } = await retryingConflicts(() => q.executeQuery<{ id: string }>(CompiledQuery.raw(text, [json, payloads, bodies, kioskId, at, `outcomes:${kioskId}`])));
  return new Set(rows.map((r) => r.id));
}
