import { z } from 'zod';

/** Who signed an acceptance at the kiosk, as the county answers it (the request is in sync/protocol.ts). */
export const AcceptanceSignerSchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(60), role: z.enum(['township', 'countyAdmin']) });
export type AcceptanceSigner = z.infer<typeof AcceptanceSignerSchema>;
