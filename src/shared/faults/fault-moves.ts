import { z } from 'zod';

/** Where a fault ticket stands on its way up (故障排除上下联动): the point, the township, the county, the vendor. */
export const FAULT_LEVELS = ['point', 'township', 'county', 'vendor'] as const;
export const FaultLevelSchema = z.enum(FAULT_LEVELS);
export type FaultLevel = z.infer<typeof FaultLevelSchema>;
/**
 * One move on a ticket, stamped with who and when: by township or county staff, by the point's clerk or technician on
 * the kiosk, or `climb` by the escalation rule itself (nobody acknowledged in time; by = "system"); `reopen` when the
 * fault came back within 7 days of its close.
 */
export const FAULT_MOVE_ACTIONS = ['acknowledge', 'note', 'passUp', 'resolve', 'climb', 'reopen'] as const;
export const FaultMoveSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  action: z.enum(FAULT_MOVE_ACTIONS),
  /** The level the ticket is at after the move. */
  level: FaultLevelSchema,
  by: z.string().max(60),
  note: z.string().max(500).optional(),
});
export type FaultMove = z.infer<typeof FaultMoveSchema>;
