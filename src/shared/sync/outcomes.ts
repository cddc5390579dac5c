import { z } from 'zod';
import { CaseOutcomeSchema } from '../cases/case-record';

/**
 * What became of an application at the county, as it travels back to the kiosk (docs/sync-protocol.md, "Outcomes").
 * accepted → inProgress → done | returned | refused; a returned application completed at the point goes back to
 * inProgress. Every change raises `seq`, so a kiosk keeps the highest it has seen and an old outcome never overwrites
 * a newer one. Words are the county's, in both languages.
 */
export const OUTCOME_STATES = ['accepted', 'inProgress', 'done', 'returned', 'refused'] as const;
export const OutcomeStateSchema = z.enum(OUTCOME_STATES);
export type OutcomeState = z.infer<typeof OutcomeStateSchema>;

/** A state a resident or clerk can do nothing more about. */
export const FINAL_OUTCOME_STATES: ReadonlySet<OutcomeState> = new Set(['done', 'refused']);

const IsoTimeSchema = z.iso.datetime({ offset: true });
export const OutcomeTextSchema = z.object({ 'zh-CN': z.string().min(1).max(500), en: z.string().min(1).max(500) });
export type OutcomeText = z.infer<typeof OutcomeTextSchema>;

export const OutcomeStepSchema = z.object({ at: IsoTimeSchema, state: OutcomeStateSchema, text: OutcomeTextSchema });
export type OutcomeStep = z.infer<typeof OutcomeStepSchema>;

export const ItemOutcomeSchema = z.object({
  /** The application's id: the submission id (idempotency key) it was first sent under. */
  itemId: z.string().uuid(),
  trackingNumber: z.string().min(1).max(40),
  /** Raised by every change of this item at the county. */
  seq: z.number().int().min(1),
  state: OutcomeStateSchema,
  at: IsoTimeSchema,
  /** returned: what is missing, in words; `materials` names the catalogue materials to capture again. */
  missing: z.object({ text: OutcomeTextSchema, materials: z.array(z.string().max(40)).max(20) }).optional(),
  /** refused: why, in words. */
  reason: OutcomeTextSchema.optional(),
  /** certify items: the result of the certification. */
  certification: z.object({ passed: z.boolean(), validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).optional(),
  /** card loss report: when the county blocked the card. */
  blockedAt: IsoTimeSchema.optional(),
  /** card loss report: when the temporary block lifts by itself (blockedAt + the county's published cardBlockDays). */
  blockLiftsAt: IsoTimeSchema.optional(),
  /** The case so far, oldest first. */
  steps: z.array(OutcomeStepSchema).max(50),
  /** A 全程代办 case (itemId is the case id): its state at the county and the steps made upstream. */
  case: CaseOutcomeSchema.optional(),
});
export type ItemOutcome = z.infer<typeof ItemOutcomeSchema>;

export const OUTCOMES_PAGE_MAX = 500;

/** GET /v1/outcomes?since=CURSOR: this kiosk's outcomes that changed after the cursor, in cursor order. */
export const OutcomesResponseSchema = z.object({
  cursor: z.number().int().nonnegative(),
  outcomes: z.array(ItemOutcomeSchema).max(OUTCOMES_PAGE_MAX),
  more: z.boolean(),
});
export type OutcomesResponse = z.infer<typeof OutcomesResponseSchema>;

/** The page as read off the wire: each outcome is then checked on its own, so one bad entry cannot spoil the rest. */
export const OutcomesPageSchema = z.object({
  cursor: z.number().int().nonnegative(),
  outcomes: z.array(z.unknown()).max(OUTCOMES_PAGE_MAX),
  more: z.boolean(),
});

/** What the kiosk takes from a page: the valid outcomes (one per item, the highest seq) and how many it refused. */
export interface CheckedOutcomes {
  cursor: number;
  more: boolean;
  outcomes: ItemOutcome[];
  refused: number;
}

export function checkOutcomesPage(page: z.output<typeof OutcomesPageSchema>): CheckedOutcomes {
  const best = new Map<string, ItemOutcome>();
  let refused = 0;
  for (const raw of page.outcomes) {
    const parsed = ItemOutcomeSchema.safeParse(raw);
    if (!parsed.success) {
      refused += 1;
      continue;
    }
    const held = best.get(parsed.data.itemId);
    if (held) refused += 1; // the same item twice in one page breaks the protocol: keep only the newer
    if (!held || parsed.data.seq > held.seq) best.set(parsed.data.itemId, parsed.data);
  }
  return { cursor: page.cursor, more: page.more, outcomes: [...best.values()], refused };
}
