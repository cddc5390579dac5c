import { z } from 'zod';
import { defineMethod } from '../define';

export const StaffViewSchema = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.enum(['clerk', 'technician'])) });

export const staffMethods = {
  'staff.login': defineMethod({
    summary: 'A clerk or technician logs in on this connection (staff accounts come from the county).',
    access: ['public'],
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict(),
    output: StaffViewSchema,
  }),
  'staff.logout': defineMethod({
    summary: 'Ends the staff login on this connection.',
    access: ['public'],
    input: z.object({}).strict(),
    output: z.object({ loggedOut: z.boolean() }),
  }),
  'staff.me': defineMethod({
    summary: 'Who is logged in on this connection, if anybody.',
    access: ['public'],
    input: z.object({}).strict(),
    output: z.object({ staff: StaffViewSchema.nullable() }),
  }),
} as const;
