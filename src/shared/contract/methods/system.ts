import { z } from 'zod';
import { defineMethod } from '../define';
import { language, localisedText } from '../method-shapes';
import { StationSchema } from '../../config/station';

export const SiteInfoSchema = z.object({
  name: localisedText(),
  divisionCode: z.string(),
  level: z.enum(['village', 'demonstration']),
  officeHours: z.array(z.object({ days: z.array(z.number()), open: z.string(), close: z.string() })),
  consultationPhone: z.string(),
  onDuty: z.string().optional(),
  idleTimeoutSeconds: z.number(),
  idleCountdownSeconds: z.number(),
  staffIdleMinutes: z.number(),
  station: StationSchema,
  /** The village groups a home-visit clerk chooses from (empty elsewhere). */
  villageGroups: z.array(z.string()),
  defaultLanguage: language(),
  simulated: z.boolean(),
  appVersion: z.string(),
});
export type SiteInfo = z.infer<typeof SiteInfoSchema>;

export const systemMethods = {
  'system.ping': defineMethod({
    summary: 'Liveness check of the core; answers with the server time.',
    access: ['public'],
    schemas: () => ({ output: z.object({ now: z.string(), uptimeSeconds: z.number() }) }),
  }),
  'site.info': defineMethod({
    summary: 'What the attract and home screens show about this service point.',
    access: ['public'],
    schemas: () => ({ output: SiteInfoSchema }),
  }),
  'system.caller': defineMethod({
    summary: 'Which roles the calling connection holds right now (screens use it to show or hide modes).',
    access: ['public'],
    schemas: () => ({ output: z.object({ roles: z.array(z.enum(['public', 'resident', 'clerk', 'technician'])) }) }),
  }),
  'system.info': defineMethod({
    summary: 'Technician view of the host: versions, uptime, memory, data dir disk space.',
    access: ['technician'],
    schemas: () => ({
      output: z.object({
        appVersion: z.string(),
        nodeVersion: z.string(),
        platform: z.string(),
        uptimeSeconds: z.number(),
        memoryRssBytes: z.number(),
        dataDir: z.string(),
        diskFreeBytes: z.number().nullable(),
      }),
    }),
  }),
} as const;
