import { CatalogSchema, isFieldVisible, type Catalog, type CatalogItem } from '../../shared/catalog';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import { maskIdNumber, maskName } from '../../shared/domain/mask';
import type { OutcomeText } from '../../shared/sync/outcomes';
import type { CountyDb } from '../county-db';
import type { OutcomeChange } from '../outcomes';
import { ClerkActionError, type BackOffice, type ClerkDesk, type BackOfficeItem, type ClerkAction, type DeskItem, type DeskState, type OutcomeSink } from './port';
import { CERTIFICATION_MIN_LIVENESS, CERTIFICATION_MIN_QUALITY, ruleFor } from './reference-rules';

type CaseRow = {
  item_id: string;
  kiosk_id: string;
  tracking_number: string;
  item_code: string;
  desk: 'automatic' | 'clerk';
  state: DeskState;
  round: number;
  due_at: string | null;
  clerk_id: string | null;
  last_delivery: string;
  materials: string;
  resident_masked: string;
  received_at: string;
};

const words = (zh: string, en: string): OutcomeText => ({ 'zh-CN': zh, en });

/**
 * The built-in back office: every item kind of the catalogue with its own rules (reference-rules.ts). Its cases live
 * in the gateway's database (back_office_cases); the county clerk's desk (take, return, finish, refuse) is the part
 * the console drives through /admin/v1/back-office.
 */
export class ReferenceBackOffice implements BackOffice, ClerkDesk {
  readonly name = 'reference';

  /** The published catalogue, parsed once per version (parsing it per item would cost more than deciding it). */
  private cached: { version: number; catalog: Catalog } | null = null;

  constructor(private readonly db: CountyDb) {}

  private catalog(): Catalog {
    const version = (this.db.prepare("SELECT version FROM config_parts WHERE part = 'catalog'").get() as { version: number } | undefined)?.version ?? 0;
    if (this.cached?.version === version) return this.cached.catalog;
    const row = this.db.prepare("SELECT body FROM config_parts WHERE part = 'catalog'").get() as { body: string } | undefined;
    const parsed = row ? CatalogSchema.safeParse(JSON.parse(row.body)) : null;
    this.cached = { version, catalog: parsed?.success ? parsed.data : defaultCatalog() };
    return this.cached.catalog;
  }

  private item(code: string): CatalogItem | undefined {
    return this.catalog().items.find((i) => i.code === code);
  }

  async receive(item: BackOfficeItem, sink: OutcomeSink): Promise<void> {
    this.receiveNow(item, sink);
  }

  async receiveAll(items: readonly BackOfficeItem[], sink: OutcomeSink): Promise<void> {
    this.db.transaction(() => {
      for (const item of items) this.receiveNow(item, sink);
    })();
  }

  async advance(now: Date, sink: OutcomeSink): Promise<void> {
    const due = this.db.prepare("SELECT * FROM back_office_cases WHERE desk = 'automatic' AND state = 'automatic' AND due_at <= ? ORDER BY due_at LIMIT 500").all(now.toISOString()) as CaseRow[];
    this.db.transaction(() => {
      for (const row of due) {
        this.setState(row.item_id, 'done', null);
        sink.record(row.item_id, this.doneChange(row, null), now);
      }
    })();
  }

  /** The clerk desk: applications waiting for or taken by a county clerk (and, with `all`, every case). */
  desk(filter: { state?: DeskState; clerkId?: string; limit?: number } = {}): DeskItem[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.state) {
      where.push('state = ?');
      args.push(filter.state);
    }
    if (filter.clerkId) {
      where.push('clerk_id = ?');
      args.push(filter.clerkId);
    }
    const sql = `SELECT * FROM back_office_cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit ?? 200) as CaseRow[]).map(toDeskItem);
  }

  deskItem(applicationId: string): DeskItem | null {
    const row = this.row(applicationId);
    return row ? toDeskItem(row) : null;
  }

  /** A county clerk acts on an application; the outcome goes to the kiosk with its next sync. */
  act(applicationId: string, action: ClerkAction, sink: OutcomeSink, now: Date): DeskItem {
    return this.db.transaction(() => {
      const row = this.row(applicationId);
      if (!row) throw new ClerkActionError('unknown_application');
      if (row.desk !== 'clerk') throw new ClerkActionError('wrong_state');
      const name = this.item(row.item_code)?.name ?? words(row.item_code, row.item_code);
      switch (action.action) {
        case 'take':
          if (row.state === 'taken' && row.clerk_id === action.clerkId) return toDeskItem(row);
          if (row.state !== 'waiting') throw new ClerkActionError(row.state === 'taken' ? 'taken_by_other' : 'wrong_state');
          this.setState(applicationId, 'taken', action.clerkId);
          sink.record(applicationId, { state: 'inProgress', text: words(`县经办人员正在办理您的「${name['zh-CN']}」。`, `A county clerk is working on your ${name.en}.`) }, now);
          break;
        case 'return': {
          this.mustHold(row, action.clerkId);
          const item = this.item(row.item_code);
          const materials = item?.materials.filter((m) => action.materials.includes(m.code)) ?? [];
          if (materials.length === 0 || materials.length !== new Set(action.materials).size) throw new ClerkActionError('unknown_material');
          this.setState(applicationId, 'returned', action.clerkId);
          sink.record(applicationId, returnedChange(materials.map((m) => ({ code: m.code, name: m.name })), action.note), now);
          break;
        }
        case 'finish':
          this.mustHold(row, action.clerkId);
          this.setState(applicationId, 'done', action.clerkId);
          sink.record(applicationId, this.doneChange(row, action.note ?? null), now);
          break;
        case 'refuse':
          this.mustHold(row, action.clerkId);
          this.setState(applicationId, 'refused', action.clerkId);
          sink.record(applicationId, { state: 'refused', reason: action.reason, text: words(`您的「${name['zh-CN']}」未获批准。`, `Your ${name.en} was not approved.`) }, now);
          break;
      }
      return toDeskItem(this.row(applicationId)!);
    })();
  }

  private mustHold(row: CaseRow, clerkId: string): void {
    if (row.state !== 'taken') throw new ClerkActionError('wrong_state');
    if (row.clerk_id !== clerkId) throw new ClerkActionError('taken_by_other');
  }

  private row(applicationId: string): CaseRow | undefined {
    return this.db.prepare('SELECT * FROM back_office_cases WHERE item_id = ?').get(applicationId) as CaseRow | undefined;
  }

  private setState(applicationId: string, state: DeskState, clerkId: string | null): void {
    this.db.prepare('UPDATE back_office_cases SET state = ?, clerk_id = COALESCE(?, clerk_id) WHERE item_id = ?').run(state, clerkId, applicationId);
  }

  private receiveNow(item: BackOfficeItem, sink: OutcomeSink): void {
    this.db.transaction(() => {
      const existing = this.row(item.applicationId);
      if (existing && (existing.last_delivery === item.deliveryId || existing.round >= item.round)) return; // delivered before
      if (existing && existing.state !== 'returned') return; // only a returned application may come back
      const catalogItem = this.item(item.itemCode);
      const rule = catalogItem ? ruleFor(catalogItem) : { desk: 'clerk' as const, takesMinutes: 0 };
      const at = item.receivedAt;
      const materials = new Set<string>([...(existing ? (JSON.parse(existing.materials) as string[]) : []), ...item.payload.attachments.map((a) => a.materialCode)]);
      const resident = `${maskName(item.payload.resident.name)} ${maskIdNumber(item.payload.resident.idNumber)}`;
      const dueAt = rule.desk === 'automatic' ? new Date(at.getTime() + rule.takesMinutes * 60_000).toISOString() : null;
      const state: DeskState = rule.desk === 'automatic' ? 'automatic' : 'waiting';
      this.db
        .prepare(
          `INSERT INTO back_office_cases (item_id, kiosk_id, tracking_number, item_code, desk, state, round, due_at, clerk_id, last_delivery, materials, resident_masked, received_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)
           ON CONFLICT (item_id) DO UPDATE SET state = excluded.state, round = excluded.round, due_at = excluded.due_at, last_delivery = excluded.last_delivery, materials = excluded.materials`,
        )
        .run(item.applicationId, item.kioskId, item.trackingNumber, item.itemCode, rule.desk, state, item.round, dueAt, item.deliveryId, JSON.stringify([...materials]), resident, at.toISOString());
      const name = catalogItem?.name ?? words(item.itemCode, item.itemCode);

      // What every desk checks first: the materials the form made required, then the eligibility the law sets.
      const missing = (catalogItem?.materials ?? []).filter((m) => m.required && isFieldVisible(m, item.payload.form) && !materials.has(m.code));
      if (missing.length > 0) {
        this.setState(item.applicationId, 'returned', null);
        sink.record(item.applicationId, returnedChange(missing.map((m) => ({ code: m.code, name: m.name })), undefined), at);
        return;
      }
      const refusal = rule.refuse?.(item.payload, at) ?? null;
      if (refusal) {
        this.setState(item.applicationId, 'refused', null);
        sink.record(item.applicationId, { state: 'refused', reason: refusal, text: words(`您的「${name['zh-CN']}」未获批准。`, `Your ${name.en} was not approved.`) }, at);
        return;
      }
      if (item.round > 1) sink.record(item.applicationId, { state: 'inProgress', text: words('补充的材料已收到，继续办理。', 'The missing material has arrived; the application goes on.') }, at);
      if (rule.desk === 'clerk') {
        if (item.round > 1) this.setState(item.applicationId, 'waiting', null);
        return; // accepted, waiting for a county clerk to take it
      }
      if (item.round === 1) sink.record(item.applicationId, { state: 'inProgress', text: words(`正在办理您的「${name['zh-CN']}」。`, `Your ${name.en} is being processed.`) }, at);
      if (rule.takesMinutes === 0) {
        const row = this.row(item.applicationId)!;
        this.setState(item.applicationId, 'done', null);
        sink.record(item.applicationId, this.doneChange(row, null, item), at);
      }
    })();
  }

  /** The final outcome of a case: a certification's result, a blocked card's time, a recorded face model. */
  private doneChange(row: CaseRow, note: OutcomeText | null, item?: BackOfficeItem): OutcomeChange {
    const catalogItem = this.item(row.item_code);
    const name = catalogItem?.name ?? words(row.item_code, row.item_code);
    const done = (zh: string, en: string) => words(note ? `${zh}${note['zh-CN']}` : zh, note ? `${en} ${note.en}` : en);
    const payload = item?.payload;
    if (catalogItem?.type === 'card' && payload) {
      const operation = String(payload.form.operation ?? '');
      const at = item.receivedAt.toISOString();
      switch (operation) {
        case 'reportLoss':
          return { state: 'done', blockedAt: at, text: done('社保卡已挂失，他人无法使用。', 'The card is blocked: nobody else can use it.') };
        case 'cancelLossReport':
          return { state: 'done', text: done('已解除挂失，社保卡可以正常使用。', 'The loss report is cancelled: the card works again.') };
        case 'activate':
          return { state: 'done', text: done('县里已登记社保卡启用。', 'The county has recorded the card as activated.') };
        case 'changePin':
          return { state: 'done', text: done('县里已记录密码修改（密码只保存在卡内）。', 'The county has recorded the PIN change (the PIN lives only on the card).') };
        case 'resetPin':
          return { state: 'done', text: done('县里已同意重置密码，请在本机设置新密码。', 'The county has approved the PIN reset: set a new PIN at this kiosk.') };
        default:
          return { state: 'refused', reason: words('未说明要办理的卡业务。', 'The card operation was not stated.'), text: done('卡业务未办理。', 'The card operation was not done.') };
      }
    }
    if (catalogItem?.type === 'certify' && payload) {
      const face = payload.face;
      if (!face) return { state: 'refused', reason: words('没有收到人脸照片。', 'No face photo arrived.'), text: done('认证未完成。', 'The certification was not completed.') };
      if (row.item_code === 'DEMO-02') {
        this.db
          .prepare('INSERT INTO face_models (id_number, face_sha256, item_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (id_number) DO UPDATE SET face_sha256 = excluded.face_sha256, item_id = excluded.item_id, at = excluded.at')
          .run(payload.resident.idNumber, face.sha256, row.item_id, item.receivedAt.toISOString());
        return { state: 'done', text: done('新的认证人脸模型已记录，以后按新模型认证。', 'The new face model is recorded; later certifications use it.') };
      }
      const passed = face.livenessScore >= CERTIFICATION_MIN_LIVENESS && face.qualityScore >= CERTIFICATION_MIN_QUALITY;
      const validUntil = new Date(Date.UTC(item.receivedAt.getUTCFullYear() + 1, item.receivedAt.getUTCMonth(), item.receivedAt.getUTCDate())).toISOString().slice(0, 10);
      return passed
        ? { state: 'done', certification: { passed: true, validUntil }, text: done(`认证通过，有效期至${validUntil}。`, `Certified; valid until ${validUntil}.`) }
        : { state: 'done', certification: { passed: false }, text: done('认证未通过，请到乡镇窗口人工认证。', 'Not certified: please go to the township window for an in-person check.') };
    }
    return { state: 'done', text: done(`您的「${name['zh-CN']}」已办结。`, `Your ${name.en} is complete.`) };
  }
}

function returnedChange(materials: Array<{ code: string; name: OutcomeText }>, note: OutcomeText | undefined): OutcomeChange {
  const zh = `请补充：${materials.map((m) => m.name['zh-CN']).join('、')}。`;
  const en = `Please add: ${materials.map((m) => m.name.en).join(', ')}.`;
  const text = words(note ? `${zh}${note['zh-CN']}` : zh, note ? `${en} ${note.en}` : en);
  return { state: 'returned', missing: { text, materials: materials.map((m) => m.code) }, text };
}

function toDeskItem(row: CaseRow): DeskItem {
  return {
    applicationId: row.item_id,
    trackingNumber: row.tracking_number,
    itemCode: row.item_code,
    kioskId: row.kiosk_id,
    desk: row.desk,
    state: row.state,
    round: row.round,
    clerkId: row.clerk_id,
    dueAt: row.due_at,
    residentMasked: row.resident_masked,
    receivedAt: row.received_at,
  };
}
