import { z } from 'zod';
import { defineMethod } from '../define';
import { flag } from '../method-shapes';

export const StaffViewSchema = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.enum(['clerk', 'technician'])) });

export const staffMethods = {
  'staff.login': defineMethod({
    summary: 'A clerk or technician logs in on this connection (staff accounts come from the county).',
    access: ['public'],
    schemas: () => ({ input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict(), output: StaffViewSchema }),
  }),
  'staff.logout': defineMethod({
    summary: 'Ends the staff login on this connection.',
    access: ['public'],
    schemas: () => ({ output: flag('loggedOut') }),
  }),
  'staff.me': defineMethod({
    summary: 'Who is logged in on this connection, if anybody.',
    access: ['public'],
    schemas: () => ({ output: z.object({ staff: StaffViewSchema.nullable() }) }),
  }),
} as const;
