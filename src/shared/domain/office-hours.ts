import { z } from 'zod';

/**
 * A point's office hours: one rule per run of days ("Monday to Friday 08:30-12:00"). The local site file ships them;
 * the county may set a point's own in the console's site settings, and then those are the ones in force.
 */
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const OfficeHoursSchema = z
  .object({
    /** Days of week, 1 = Monday ... 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    open: z.string().regex(HHMM, 'HH:MM'),
    close: z.string().regex(HHMM, 'HH:MM'),
  })
  .refine((h) => h.open < h.close, { message: 'opens before it closes', path: ['close'] });
export type OfficeHours = z.infer<typeof OfficeHoursSchema>;

export const OfficeHoursListSchema = z.array(OfficeHoursSchema).min(1).max(14);

/** One rule as a line a person edits: "1-5 08:30-12:00" or "1,3,6 09:00-11:30" (1 = Monday). */
export function officeHoursLine(hours: OfficeHours): string {
  const days = [...hours.days].sort((a, b) => a - b);
  const run = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText = run && days.length > 1 ? `${days[0]}-${days.at(-1)}` : days.join(',');
  return `${dayText} ${hours.open}-${hours.close}`;
}

const LINE = /^\s*([1-7](?:\s*[-,]\s*[1-7])*)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/;

/** Lines as the console's editor takes them; the number of the first line that does not read, or the rules. */
export function parseOfficeHoursLines(text: string): { ok: true; hours: OfficeHours[] } | { ok: false; line: number } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const hours: OfficeHours[] = [];
  for (const [index, line] of lines.entries()) {
    const match = LINE.exec(line);
    const days = match ? expandDays(match[1]!) : null;
    const rule = days ? OfficeHoursSchema.safeParse({ days, open: match![2], close: match![3] }) : null;
    if (!rule?.success) return { ok: false, line: index + 1 };
    hours.push(rule.data);
  }
  return OfficeHoursListSchema.safeParse(hours).success ? { ok: true, hours } : { ok: false, line: Math.max(1, lines.length) };
}

function expandDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to] = part.split('-').map((d) => Number(d.trim()));
    if (to === undefined) days.add(from!);
    else if (from! > to) return null;
    else for (let d = from!; d <= to; d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}
