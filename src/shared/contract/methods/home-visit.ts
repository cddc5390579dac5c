import { z } from 'zod';
import { defineMethod } from '../define';

export const homeVisitMethods = {
  'homeVisit.chooseVillageGroup': defineMethod({
    summary:
      "On the home-visit laptop: the clerk names the village group (村民小组) of the resident whose home they are in. Every record this login makes carries it until another is chosen; a home-visit submission without one is refused.",
    access: ['clerk'],
    input: z.object({ villageGroup: z.string().trim().min(1).max(30) }).strict(),
    output: z.object({ villageGroup: z.string() }),
  }),
} as const;
