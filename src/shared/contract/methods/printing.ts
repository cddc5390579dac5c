import { z } from 'zod';
import { defineMethod } from '../define';
import { MonthSchema } from '../../report/monthly-figures';
import { listOf, done, flag, language } from '../method-shapes';

const ItemCodeSchema = z.string().regex(/^[A-Z]{3,4}-\d{2}$/);

export const PrintJobStateSchema = z.enum(['queued', 'printing', 'waitingForPaper', 'waitingForCover', 'done', 'failed', 'cancelled']);

/** A print job as screens see it: what it is and where it stands, never its content. */
export const PrintJobSchema = z.object({
  jobId: z.string(),
  deviceId: z.string(),
  label: z.string(),
  state: PrintJobStateSchema,
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  /** What the person sees about the job: printing:job.<state> or a printers key saying why it waits. */
  messageKey: z.string(),
  /** Characters the printer could not print (rare name characters): the clerk checks the slip. */
  unprintableCount: z.number().int().nonnegative(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

const QueryRowsSchema = z.array(z.record(z.string().max(60), z.string().max(500))).max(200);

export const PdfDocumentKindSchema = z.enum(['notification', 'queryResult', 'monthlyReport', 'certificate']);

export const printingMethods = {
  'print.receipt': defineMethod({
    summary: 'Print the receipt of a submission of the current resident (or any, for a clerk) on the receipt printer.',
    access: ['resident', 'clerk'],
    schemas: () => ({ input: z.object({ submissionId: z.string().min(1).max(64), language: language().optional() }).strict(), output: PrintJobSchema }),
  }),
  'print.notification': defineMethod({
    summary: 'Print the one-time notification (一次性告知单) of an item: every material at once.',
    access: ['public'],
    schemas: () => ({ input: z.object({ itemCode: ItemCodeSchema, language: language().optional() }).strict(), output: PrintJobSchema }),
  }),
  'print.queryResult': defineMethod({
    summary: 'Print an online query result (from queries.run) as a slip for the resident.',
    access: ['resident', 'clerk'],
    schemas: () => ({
      input: z
        .object({
          itemCode: ItemCodeSchema,
          fetchedAt: z.string().max(40),
          title: z.string().max(60).optional(),
          rows: QueryRowsSchema,
          language: language().optional(),
        })
        .strict(),
      output: PrintJobSchema,
    }),
  }),
  'print.listing': defineMethod({
    summary:
      "Print a public listing (JOB-02...) on the receipt printer, from the county's answer the kiosk kept for these filters (never rows the screen hands in), with when the county gave it; no identity needed, nobody named.",
    access: ['public'],
    schemas: () => ({
      input: z
        .object({
          itemCode: ItemCodeSchema,
          params: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).default({}),
          language: language().optional(),
        })
        .strict(),
      output: PrintJobSchema,
    }),
  }),
  'print.myRequests': defineMethod({
    summary: '"Where is my request" on the receipt printer (or, paper a4, as an A4 copy with the embedded CJK font on the document printer): every application of the resident of this visit at this point, newest first, in plain words, with the age of the county\'s last word.',
    access: ['resident', 'clerk'],
    schemas: () => ({ input: z.object({ language: language().optional(), paper: z.enum(['receipt', 'a4']).default('receipt') }).strict(), output: PrintJobSchema }),
  }),
  'print.testPage': defineMethod({
    summary: 'Technician: print a test page on a receipt printer (all styles, QR, cut).',
    access: ['technician'],
    schemas: () => ({ input: z.object({ deviceId: z.string().max(40).optional(), language: language().optional() }).strict(), output: PrintJobSchema }),
  }),
  'print.document': defineMethod({
    summary:
      'Render an A4 PDF (embedded CJK font, QR verification code) and print it through the host printer. ' +
      'notification and queryResult need itemCode; monthlyReport (clerks only) needs month; certificate needs the documentId of queries.run and prints exactly what the county composed.',
    access: ['resident', 'clerk'],
    schemas: () => ({
      input: z
        .object({
          kind: PdfDocumentKindSchema,
          itemCode: ItemCodeSchema.optional(),
          /** monthlyReport only: YYYY-MM. */
          month: MonthSchema.optional(),
          language: language().optional(),
          /** certificate only: the documentId queries.run returned (the core prints the county's own copy). */
          documentId: z.string().max(64).optional(),
          /** queryResult only: what queries.run returned. */
          result: z.object({ fetchedAt: z.string().max(40), title: z.string().max(60).optional(), rows: QueryRowsSchema }).optional(),
        })
        .strict(),
      output: z.object({
        jobId: z.string(),
        pages: z.number().int().positive(),
        verificationCode: z.string(),
        /** Where it went: the host printer's name, or 'saved' when no document printer is configured (kept for the clerk). */
        destination: z.string(),
      }),
    }),
  }),
  'print.jobs': defineMethod({
    summary: 'Clerk/technician: the recent print jobs and where each stands.',
    access: ['clerk', 'technician'],
    schemas: () => ({ output: listOf('jobs', PrintJobSchema) }),
  }),
  'print.cancel': defineMethod({
    summary: 'Clerk/technician: give up a job that is waiting (paper out, cover open).',
    access: ['clerk', 'technician'],
    schemas: () => ({ input: z.object({ jobId: z.string().max(64) }).strict(), output: flag('cancelled') }),
  }),
  // Developer panel, simulated printers only (answers forbidden on real hardware).
  'dev.printer.paper': defineMethod({
    summary: 'Simulator: load, thin out or pull the paper roll.',
    access: ['public'],
    schemas: () => ({ input: z.object({ state: z.enum(['present', 'low', 'out']), deviceId: z.string().max(40).optional() }).strict(), output: done() }),
  }),
  'dev.printer.cover': defineMethod({
    summary: 'Simulator: open or close the printer cover.',
    access: ['public'],
    schemas: () => ({ input: z.object({ open: z.boolean(), deviceId: z.string().max(40).optional() }).strict(), output: done() }),
  }),
  'dev.printer.runOutAfterLines': defineMethod({
    summary: 'Simulator: the roll runs out after this many more printed lines (paper-out mid-job).',
    access: ['public'],
    schemas: () => ({ input: z.object({ lines: z.number().int().min(0).max(10_000), deviceId: z.string().max(40).optional() }).strict(), output: done() }),
  }),
  'dev.printer.transcript': defineMethod({
    summary: 'Simulator: what the paper shows so far (text transcript) and how many bytes the printer received.',
    access: ['public'],
    schemas: () => ({
      input: z.object({ deviceId: z.string().max(40).optional(), clear: z.boolean().optional() }).strict(),
      output: z.object({ text: z.string(), bytesReceived: z.number().int().nonnegative(), paper: z.enum(['present', 'low', 'out']), coverOpen: z.boolean() }),
    }),
  }),
  'dev.documentPrinter.online': defineMethod({
    summary: 'Simulator: switch the simulated A4 print queue on or off (printer off, out of paper).',
    access: ['public'],
    schemas: () => ({ input: z.object({ online: z.boolean() }).strict(), output: done() }),
  }),
  'dev.documentPrinter.jobs': defineMethod({
    summary: 'Simulator: the A4 documents the simulated queue took (title, size, whether each is a PDF, and with withData the bytes).',
    access: ['public'],
    schemas: () => ({
      input: z.object({ clear: z.boolean().optional(), withData: z.boolean().optional() }).strict(),
      output: z.object({
        jobs: z.array(z.object({ title: z.string(), bytes: z.number().int().nonnegative(), isPdf: z.boolean(), at: z.string(), dataBase64: z.string().optional() })),
      }),
    }),
  }),
} as const;
