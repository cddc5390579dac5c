import { z } from 'zod';
import { defineMethod } from '../define';

/** Screen names a help request may carry: a short route id, never personal data. */
export const HelpScreenSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._:-]+$/, 'a route id such as item:JOB-01');

export const helpMethods = {
  'help.request': defineMethod({
    summary: 'A resident pressed the help button: tell every clerk screen (event help.requested) and answer when.',
    access: ['public'],
    input: z.object({ screen: HelpScreenSchema }).strict(),
    output: z.object({ at: z.string(), acknowledged: z.literal(true) }),
  }),
} as const;
