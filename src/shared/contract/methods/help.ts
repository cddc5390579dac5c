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
    summary:
      'A resident pressed the help button. The call opens an inquiry and chimes on every logged-in clerk screen of the point (event help.requested); the answer says whom it reached (delivered false: no clerk is logged in anywhere, so the screen shows the duty phone instead of promising help).',
    access: ['public'],
    schemas: () => ({
      input: z.object({ screen: HelpScreenSchema }).strict(),
      output: z.object({
        callId: z.string(),
        at: z.string(),
        delivered: z.boolean(),
        /** Display names of the clerks whose screens were told. */
        clerks: z.array(z.string()),
        /** The point's duty phone and the person on duty (首问负责人) from the site settings. */
        phone: z.string(),
        onDuty: z.string().nullable(),
      }),
    }),
  }),
  'help.answer': defineMethod({
    summary: "A clerk takes a resident's help call: the call's inquiry is theirs (首问负责), the other clerk screens stop chiming and the resident's screen names who is coming (event help.answered).",
    access: ['clerk'],
    schemas: () => ({ input: z.object({ callId: z.string().min(1).max(64) }).strict(), output: z.object({ taken: z.boolean(), ownerName: z.string().nullable() }) }),
  }),
} as const;
