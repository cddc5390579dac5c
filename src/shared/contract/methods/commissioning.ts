import { z } from 'zod';
import { defineMethod } from '../define';
import { language } from '../method-shapes';
import { AcceptanceCriterionSchema, CommissioningStepSchema, SiteRecordSchema } from '../../commissioning/site-record';
import { AcceptanceSignerSchema } from '../../commissioning/acceptance-signer';

const FileSchema = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });

/** Commissioning (安装调试) by the technician and acceptance (验收) signed by a township or county account. */
export const commissioningMethods = {
  'commissioning.check': defineMethod({
    summary:
      "Runs the commissioning checklist's automatic steps now (each configured device's self-test, county reachable, one sync round, clock, staff login, office hours, phone) and answers each step; the manual ones wait for the technician.",
    access: ['technician'],
    schemas: () => ({ output: z.object({ steps: z.array(CommissioningStepSchema), manual: z.array(z.string()) }) }),
  }),
  'commissioning.complete': defineMethod({
    summary:
      'Completes commissioning with the last automatic run (at most 30 minutes old) and the manual steps as ticked: the record is kept, queued for the county and can be printed.',
    access: ['technician'],
    schemas: () => ({
      input: z.object({ manual: z.array(z.object({ id: z.literal('publicity'), passed: z.boolean(), detail: z.string().trim().max(300).optional() })).length(1) }).strict(),
      output: SiteRecordSchema,
    }),
  }),
  'acceptance.signIn': defineMethod({
    summary: 'A township or county account signs in at the kiosk to sign an acceptance; the county checks the account (the password is not kept).',
    access: ['technician'],
    schemas: () => ({ input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict(), output: AcceptanceSignerSchema }),
  }),
  'acceptance.record': defineMethod({
    summary: "Records the acceptance against the point's standard, signed by the account signed in for it, after a passing commissioning: kept, queued for the county, printable.",
    access: ['technician'],
    schemas: () => ({
      input: z.object({ standard: z.enum(['basic', 'demonstration']), criteria: z.array(z.object({ id: AcceptanceCriterionSchema, met: z.boolean(), note: z.string().trim().max(300).optional() })).min(1).max(20) }).strict(),
      output: SiteRecordSchema,
    }),
  }),
  'siteRecords.list': defineMethod({
    summary: "The point's commissioning and acceptance records, newest first, and whether the county has each.",
    access: ['technician'],
    schemas: () => ({ output: z.object({ records: z.array(z.object({ record: SiteRecordSchema, delivered: z.boolean() })) }) }),
  }),
  'siteRecords.file': defineMethod({
    summary: 'A record as an A4 PDF (CJK font embedded), base64, to save or print.',
    access: ['technician'],
    schemas: () => ({ input: z.object({ recordId: z.string().uuid(), language: language().default('zh-CN') }).strict(), output: FileSchema }),
  }),
} as const;
