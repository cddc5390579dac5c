import { CatalogSchema, isFieldVisible, type Catalog, type CatalogItem } from '../../shared/catalog';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import { maskResident } from '../../shared/domain/mask';
import type { OutcomeText } from '../../shared/sync/outcomes';
import { engineOf, type CountyQuery } from '../db/connection';
import type { CountyTables } from '../db/tables';
import { inTransaction } from '../db/transaction';
import type { OutcomeChange } from '../outcomes';
import { cancelCardBlock, recordCardBlock } from '../card-blocks';
import { ClerkActionError, type BackOffice, type ClerkDesk, type BackOfficeItem, type ClerkAction, type DeskItem, type DeskState, type OutcomeSink } from './port';
import { CERTIFICATION_MIN_LIVENESS, CERTIFICATION_MIN_QUALITY, ruleFor } from './reference-rules';
import { takeIncoming } from '../db/upsert';

/** A back_office_cases row, with the desk and state the table holds as text narrowed to what this desk writes. */
type CaseRow = Omit<CountyTables['back_office_cases'], 'desk' | 'state'> & { desk: 'automatic' | 'clerk'; state: DeskState };

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

  constructor(private readonly db: CountyQuery) {}

  /** Refreshes the cached catalogue when the county published a new one (called once per unit of work). */
  private async loadCatalog(q: CountyQuery): Promise<Catalog> {
    const version = (await q.selectFrom('config_parts').select('version').where('part', '=', 'catalog').executeTakeFirst())?.version ?? 0;
    if (this.cached?.version === version) return this.cached.catalog;
    const row = await q.selectFrom('config_parts').select('body').where('part', '=', 'catalog').executeTakeFirst();
    const parsed = row ? CatalogSchema.safeParse(JSON.parse(row.body)) : null;
    this.cached = { version, catalog: parsed?.success ? parsed.data : defaultCatalog() };
    return this.cached.catalog;
  }

  private item(code: string): CatalogItem | undefined {
    return (this.cached?.catalog ?? defaultCatalog()).items.find((i) => i.code === code);
  }

  async receive(item: BackOfficeItem, sink: OutcomeSink): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await this.loadCatalog(trx);
      await this.receiveNow(trx, item, sink);
    });
  }

  async receiveAll(items: readonly BackOfficeItem[], sink: OutcomeSink): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await this.loadCatalog(trx);
      for (const item of items) await this.receiveNow(trx, item, sink);
    });
  }

  async advance(now: Date, sink: OutcomeSink): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await this.loadCatalog(trx);
      let dueQuery = trx
        .selectFrom('back_office_cases')
        .selectAll()
        .where('desk', '=', 'automatic')
        .where('state', '=', 'automatic')
        .where('due_at', '<=', now.toISOString())
        .orderBy('due_at')
        .limit(500);
      // Two runs at once (two gateways, or the timer beside a sync's hand-over) would each read the same due cases
      // and finish them twice. On PostgreSQL the rows are locked: a second run waits for the first to commit, and the
      // rows it finished are then no longer due. It waits rather than skipping them, so when a run returns, everything
      // due by then is finished (a sync right after sees it). On SQLite the one connection runs transactions in turn.
      if (engineOf(trx) === 'postgres') dueQuery = dueQuery.forUpdate();
      const due = (await dueQuery.execute()) as CaseRow[];
      for (const row of due) {
        await this.setState(trx, row.item_id, 'done', null);
        await sink.record(row.item_id, await this.doneChange(trx, row, null), now);
      }
    });
  }

  /** The clerk desk: applications waiting for or taken by a county clerk (and, with `all`, every case). */
  async desk(filter: { state?: DeskState; clerkId?: string; limit?: number } = {}): Promise<DeskItem[]> {
    let query = this.db.selectFrom('back_office_cases').selectAll();
    if (filter.state) query = query.where('state', '=', filter.state);
    if (filter.clerkId) query = query.where('clerk_id', '=', filter.clerkId);
    return ((await query.orderBy('received_at').limit(filter.limit ?? 200).execute()) as CaseRow[]).map(toDeskItem);
  }

  async deskItem(applicationId: string): Promise<DeskItem | null> {
    const row = await this.row(this.db, applicationId);
    return row ? toDeskItem(row) : null;
  }

  /** A county clerk acts on an application; the outcome goes to the kiosk with its next sync. */
  async act(applicationId: string, action: ClerkAction, sink: OutcomeSink, now: Date): Promise<DeskItem> {
    return inTransaction(this.db, async (trx) => {
      await this.loadCatalog(trx);
      const row = await this.row(trx, applicationId);
      if (!row) throw new ClerkActionError('unknown_application');
      if (row.desk !== 'clerk') throw new ClerkActionError('wrong_state');
      const name = this.item(row.item_code)?.name ?? words(row.item_code, row.item_code);
      switch (action.action) {
        case 'take':
          if (row.state === 'taken' && row.clerk_id === action.clerkId) return toDeskItem(row);
          if (row.state !== 'waiting') throw new ClerkActionError(row.state === 'taken' ? 'taken_by_other' : 'wrong_state');
          await this.setState(trx, applicationId, 'taken', action.clerkId);
          await sink.record(applicationId, { state: 'inProgress', text: words(`县经办人员正在办理您的「${name['zh-CN']}」。`, `A county clerk is working on your ${name.en}.`) }, now);
          break;
        case 'return': {
          this.mustHold(row, action.clerkId);
          const item = this.item(row.item_code);
          const materials = item?.materials.filter((m) => action.materials.includes(m.code)) ?? [];
          if (materials.length === 0 || materials.length !== new Set(action.materials).size) throw new ClerkActionError('unknown_material');
          await this.setState(trx, applicationId, 'returned', action.clerkId);
          await sink.record(applicationId, returnedChange(materials.map((m) => ({ code: m.code, name: m.name })), action.note), now);
          break;
        }
        case 'finish':
          this.mustHold(row, action.clerkId);
          await this.setState(trx, applicationId, 'done', action.clerkId);
          await sink.record(applicationId, await this.doneChange(trx, row, action.note ?? null), now);
          break;
        case 'refuse':
          this.mustHold(row, action.clerkId);
          await this.setState(trx, applicationId, 'refused', action.clerkId);
          await sink.record(applicationId, { state: 'refused', reason: action.reason, text: words(`您的「${name['zh-CN']}」未获批准。`, `Your ${name.en} was not approved.`) }, now);
          break;
      }
      return toDeskItem((await this.row(trx, applicationId))!);
    });
  }

  private mustHold(row: CaseRow, clerkId: string): void {
    if (row.state !== 'taken') throw new ClerkActionError('wrong_state');
    if (row.clerk_id !== clerkId) throw new ClerkActionError('taken_by_other');
  }

  private async row(q: CountyQuery, applicationId: string): Promise<CaseRow | undefined> {
    return (await q.selectFrom('back_office_cases').selectAll().where('item_id', '=', applicationId).executeTakeFirst()) as CaseRow | undefined;
  }

  private async setState(q: CountyQuery, applicationId: string, state: DeskState, clerkId: string | null): Promise<void> {
    await q
      .updateTable('back_office_cases')
      .set((e) => ({ state, clerk_id: e.fn.coalesce(e.val(clerkId), e.ref('clerk_id')) }))
      .where('item_id', '=', applicationId)
      .execute();
  }

  private async receiveNow(trx: CountyQuery, item: BackOfficeItem, sink: OutcomeSink): Promise<void> {
    {
      const existing = await this.row(trx, item.applicationId);
      if (existing && (existing.last_delivery === item.deliveryId || existing.round >= item.round)) return; // delivered before
      if (existing && existing.state !== 'returned') return; // only a returned application may come back
      const catalogItem = this.item(item.itemCode);
      const rule = catalogItem ? ruleFor(catalogItem) : { desk: 'clerk' as const, takesMinutes: 0 };
      const at = item.receivedAt;
      const materials = new Set<string>([...(existing ? (JSON.parse(existing.materials) as string[]) : []), ...item.payload.attachments.map((a) => a.materialCode)]);
      const resident = maskResident(item.payload.resident);
      const dueAt = rule.desk === 'automatic' ? new Date(at.getTime() + rule.takesMinutes * 60_000).toISOString() : null;
      const state: DeskState = rule.desk === 'automatic' ? 'automatic' : 'waiting';
      await trx
        .insertInto('back_office_cases')
        .values({
          item_id: item.applicationId,
          kiosk_id: item.kioskId,
          tracking_number: item.trackingNumber,
          item_code: item.itemCode,
          desk: rule.desk,
          state,
          round: item.round,
          due_at: dueAt,
          clerk_id: null,
          last_delivery: item.deliveryId,
          materials: JSON.stringify([...materials]),
          resident_masked: resident,
          received_at: at.toISOString(),
        })
        .onConflict((c) =>
          c.column('item_id').doUpdateSet(takeIncoming('back_office_cases', 'state', 'round', 'due_at', 'last_delivery', 'materials')),
        )
        .execute();
      const name = catalogItem?.name ?? words(item.itemCode, item.itemCode);

      // What every desk checks first: the materials the form made required, then the eligibility the law sets.
      const missing = (catalogItem?.materials ?? []).filter((m) => m.required && isFieldVisible(m, item.payload.form) && !materials.has(m.code));
      if (missing.length > 0) {
        await this.setState(trx, item.applicationId, 'returned', null);
        await sink.record(item.applicationId, returnedChange(missing.map((m) => ({ code: m.code, name: m.name })), undefined), at);
        return;
      }
      const refusal = rule.refuse?.(item.payload, at) ?? null;
      if (refusal) {
        await this.setState(trx, item.applicationId, 'refused', null);
        await sink.record(item.applicationId, { state: 'refused', reason: refusal, text: words(`您的「${name['zh-CN']}」未获批准。`, `Your ${name.en} was not approved.`) }, at);
        return;
      }
      if (item.round > 1) await sink.record(item.applicationId, { state: 'inProgress', text: words('补充的材料已收到，继续办理。', 'The missing material has arrived; the application goes on.') }, at);
      if (rule.desk === 'clerk') {
        if (item.round > 1) await this.setState(trx, item.applicationId, 'waiting', null);
        return; // accepted, waiting for a county clerk to take it
      }
      if (item.round === 1) await sink.record(item.applicationId, { state: 'inProgress', text: words(`正在办理您的「${name['zh-CN']}」。`, `Your ${name.en} is being processed.`) }, at);
      if (rule.takesMinutes === 0) {
        const row = (await this.row(trx, item.applicationId))!;
        await this.setState(trx, item.applicationId, 'done', null);
        await sink.record(item.applicationId, await this.doneChange(trx, row, null, item), at);
      }
    }
  }

  /** The final outcome of a case: a certification's result, a blocked card's time, a recorded face model. */
  private async doneChange(trx: CountyQuery, row: CaseRow, note: OutcomeText | null, item?: BackOfficeItem): Promise<OutcomeChange> {
    const catalogItem = this.item(row.item_code);
    const name = catalogItem?.name ?? words(row.item_code, row.item_code);
    const done = (zh: string, en: string) => words(note ? `${zh}${note['zh-CN']}` : zh, note ? `${en} ${note.en}` : en);
    const payload = item?.payload;
    if (catalogItem?.type === 'card' && payload) {
      const operation = String(payload.form.operation ?? '');
      const at = item.receivedAt.toISOString();
      switch (operation) {
        case 'reportLoss': {
          // The block period is the county's published setting (7, 10 or 15 days by region), not the code's.
          const days = (this.cached?.catalog ?? defaultCatalog()).settings.cardBlockDays.value;
          const liftsAt = new Date(Date.parse(at) + days * 86_400_000).toISOString();
          const day = new Date(Date.parse(liftsAt) + 8 * 3_600_000).toISOString().slice(0, 10);
          // Stored, so the block holds at the county until then and lifts by itself after (card-blocks.ts).
          await recordCardBlock(trx, { idNumber: payload.resident.idNumber, itemId: row.item_id, blockedAt: at, liftsAt });
          return {
            state: 'done',
            blockedAt: at,
            blockLiftsAt: liftsAt,
            text: done(`社保卡已临时挂失，他人无法使用；${days} 天后（${day}）自动解除。`, `The card is blocked: nobody else can use it. The block lifts by itself after ${days} days (${day}).`),
          };
        }
        case 'cancelLossReport':
          await cancelCardBlock(trx, payload.resident.idNumber, at);
          return { state: 'done', text: done('已解除挂失，社保卡可以正常使用。', 'The loss report is cancelled: the card works again.') };
        case 'activate':
          return { state: 'done', text: done('县里已登记社保卡启用。', 'The county has recorded the card as activated.') };
        case 'changePin':
          return { state: 'done', text: done('县里已记录密码修改（密码只保存在卡内）。', 'The county has recorded the PIN change (the PIN lives only on the card).') };
        case 'resetPin':
          return { state: 'done', text: done('县里已同意重置密码。请带本人身份证和社保卡到服务窗口设置新密码。', 'The county has approved the PIN reset. Bring your ID card and social security card to the service window to set a new PIN.') };
        default:
          return { state: 'refused', reason: words('未说明要办理的卡业务。', 'The card operation was not stated.'), text: done('卡业务未办理。', 'The card operation was not done.') };
      }
    }
    if (catalogItem?.type === 'certify' && payload) {
      const face = payload.face;
      if (!face) return { state: 'refused', reason: words('没有收到人脸照片。', 'No face photo arrived.'), text: done('认证未完成。', 'The certification was not completed.') };
      if (row.item_code === 'DEMO-02') {
        await trx
          .insertInto('face_models')
          .values({ id_number: payload.resident.idNumber, face_sha256: face.sha256, item_id: row.item_id, at: item.receivedAt.toISOString() })
          .onConflict((c) => c.column('id_number').doUpdateSet(takeIncoming('face_models', 'face_sha256', 'item_id', 'at')))
          .execute();
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
