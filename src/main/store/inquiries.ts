import { v7 as uuidv7 } from 'uuid';
import type { ChannelStamp, ServiceChannel } from '../../shared/domain/service-channel';
import type { DataKey } from '../crypto/data-key';
import { insertAudit } from './audit';
import type { Db } from './database';
import { rowFields } from './row-fields';
import { stmt } from './statements';

export type InquiryOrigin = 'helpButton' | 'kiosk' | 'window' | 'phone' | 'homeVisit';
export type InquiryOutcome = 'answered' | 'handledHere' | 'slipPrinted' | 'referred' | 'caseOpened';

export interface NewInquiry extends ChannelStamp {
  origin: InquiryOrigin;
  screen?: string | null;
  itemCode?: string | null;
  /** Free words about the topic; sealed at rest. */
  topic?: string | null;
  askerMasked?: string | null;
  /** On a home visit: the resident's village group (sealed at rest). */
  villageGroup?: string | null;
  /** The first clerk, when a clerk opens it (a help-button call has none until it is answered). */
  owner?: { id: string; name: string } | null;
  dueAt?: string | null;
}

export interface Inquiry {
  id: string;
  openedAt: string;
  origin: InquiryOrigin;
  channel: ServiceChannel;
  operatorId: string | null;
  ownerId: string | null;
  ownerName: string | null;
  takenAt: string | null;
  screen: string | null;
  itemCode: string | null;
  topic: string | null;
  askerMasked: string | null;
  villageGroup: string | null;
  dueAt: string | null;
  outcome: InquiryOutcome | null;
  closedAt: string | null;
  closedBy: string | null;
}

interface Row {
  id: string;
  opened_at: string;
  origin: InquiryOrigin;
  channel: ServiceChannel;
  operator_id: string | null;
  owner_id: string | null;
  owner_name: string | null;
  taken_at: string | null;
  screen: string | null;
  item_code: string | null;
  topic_enc: Buffer | null;
  asker_masked: string | null;
  village_group_enc: Buffer | null;
  due_at: string | null;
  outcome: InquiryOutcome | null;
  closed_at: string | null;
  closed_by: string | null;
}

/** Named, not `*`: a column added later reaches a record only through its Row field. */
const INQUIRY_COLUMNS =
  'id, opened_at, origin, channel, operator_id, owner_id, owner_name, taken_at, screen, item_code, topic_enc, asker_masked, village_group_enc, due_at, outcome, closed_at, closed_by';

const context = (id: string) => `inquiry:${id}`;

function toInquiry(key: DataKey, r: Row): Inquiry {
  const { topic_enc, village_group_enc, ...columns } = r;
  return {
    ...rowFields(columns),
    topic: topic_enc ? key.openText(topic_enc, context(r.id)) : null,
    villageGroup: village_group_enc ? key.openText(village_group_enc, `${context(r.id)}:villageGroup`) : null,
  };
}

export function openInquiry(db: Db, key: DataKey, input: NewInquiry, now: Date): Inquiry {
  const id = uuidv7({ msecs: now.getTime() });
  const at = now.toISOString();
  db.transaction(() => {
    stmt(
      db,
      `INSERT INTO inquiries (id, opened_at, origin, channel, operator_id, owner_id, owner_name, taken_at, screen, item_code, topic_enc, asker_masked, due_at, village_group_enc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      at,
      input.origin,
      input.channel,
      input.operatorId,
      input.owner?.id ?? null,
      input.owner?.name ?? null,
      input.owner ? at : null,
      input.screen ?? null,
      input.itemCode ?? null,
      input.topic ? key.sealText(input.topic, context(id)) : null,
      input.askerMasked ?? null,
      input.dueAt ?? null,
      input.villageGroup ? key.sealText(input.villageGroup, `${context(id)}:villageGroup`) : null,
    );
    insertAudit(db, { at, action: 'inquiry.opened', operatorId: input.operatorId, channel: input.channel, subject: input.askerMasked ?? null, detail: { inquiryId: id, origin: input.origin } });
  })();
  return getInquiry(db, key, id)!;
}

export function getInquiry(db: Db, key: DataKey, id: string): Inquiry | null {
  const row = stmt(db, `SELECT ${INQUIRY_COLUMNS} FROM inquiries WHERE id = ?`).get(id) as Row | undefined;
  return row ? toInquiry(key, row) : null;
}

/** The first clerk to take an unowned inquiry owns it; a second one gets false (首问负责: one owner). */
export function takeInquiry(db: Db, id: string, owner: { id: string; name: string }, now: Date): boolean {
  const at = now.toISOString();
  const taken = stmt(db, 'UPDATE inquiries SET owner_id = ?, owner_name = ?, taken_at = ? WHERE id = ? AND owner_id IS NULL AND closed_at IS NULL').run(owner.id, owner.name, at, id).changes === 1;
  if (taken) insertAudit(db, { at, action: 'inquiry.taken', operatorId: owner.id, channel: null, subject: null, detail: { inquiryId: id } });
  return taken;
}

/**
 * The register as a clerk sees it: open inquiries first (the caller's overdue ones at the top, then help calls nobody
 * has taken, then newest), then those closed since `closedSince`.
 */
export function registerOf(db: Db, key: DataKey, me: string, now: Date, closedSince: string, limit: number): Inquiry[] {
  const rows = stmt(
    db,
    `SELECT ${INQUIRY_COLUMNS} FROM inquiries WHERE closed_at IS NULL OR closed_at >= @since
     ORDER BY (closed_at IS NULL) DESC,
              (owner_id = @me AND due_at IS NOT NULL AND due_at < @now AND closed_at IS NULL) DESC,
              (owner_id IS NULL) DESC,
              opened_at DESC
     LIMIT @limit`,
  ).all({ since: closedSince, me, now: now.toISOString(), limit }) as Row[];
  return rows.map((r) => toInquiry(key, r));
}

/** Only the owner closes an inquiry, once (首问负责); false when it is not theirs or already closed. */
export function closeInquiry(db: Db, id: string, ownerId: string, outcome: InquiryOutcome, now: Date): boolean {
  const at = now.toISOString();
  const closed = stmt(db, 'UPDATE inquiries SET outcome = ?, closed_at = ?, closed_by = ? WHERE id = ? AND owner_id = ? AND closed_at IS NULL').run(outcome, at, ownerId, id, ownerId).changes === 1;
  if (closed) insertAudit(db, { at, action: 'inquiry.closed', operatorId: ownerId, channel: null, subject: null, detail: { inquiryId: id, outcome } });
  return closed;
}

/** Every inquiry opened in [from, to), oldest first (the monthly export). */
export function inquiriesBetween(db: Db, key: DataKey, from: string, to: string): Inquiry[] {
  return (stmt(db, `SELECT ${INQUIRY_COLUMNS} FROM inquiries WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at`).all(from, to) as Row[]).map((r) => toInquiry(key, r));
}
