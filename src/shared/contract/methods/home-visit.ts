import { z } from 'zod';
import { defineMethod } from '../define';

export const homeVisitMethods = {
  'homeVisit.chooseVillageGroup': defineMethod({
    summary:
      "On the home-visit laptop: the clerk names the village group (村民小组) of the resident whose home they are in. Every record this login makes carries it until another is chosen; a home-visit submission without one is refused.",
    access: ['clerk'],
    schemas: () => ({ input: z.object({ villageGroup: z.string().trim().min(1).max(30) }).strict(), output: z.object({ villageGroup: z.string() }) }),
  }),
  'homeVisit.readyToLeave': defineMethod({
    summary:
      "On the home-visit laptop, for the logged-in clerk before going out: a staff list from a sync round in the last day (logins work offline), the county's catalogue, nothing still waiting to be sent, the county reachable now. ready only when every check holds.",
    access: ['clerk'],
    schemas: () => ({
      output: z.object({
        ready: z.boolean(),
        checks: z.array(
          z.object({
            id: z.enum(['staffList', 'catalog', 'queueEmpty', 'countyReachable']),
            ok: z.boolean(),
            at: z.string().nullable().optional(),
            count: z.number().int().nonnegative().optional(),
          }),
        ),
      }),
    }),
  }),
} as const;
