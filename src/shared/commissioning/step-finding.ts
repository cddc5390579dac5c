import { z } from 'zod';
import type { DeviceKind } from '../domain/devices';
import { OfficeHoursSchema } from '../domain/office-hours';

/**
 * What an automatic commissioning check found, kept in the record as data (numbers, device step names, the username,
 * the hours, an error code) and worded by whoever reads it, in the reader's language: the technician's screen and the
 * A4 record (technician:commissioning.finding.*). The record is stored and sent to the county, so no sentence of one
 * language is frozen into it.
 */
export const StepFindingSchema = z.discriminatedUnion('key', [
  /** A device's self-test, step by step (the driver's step names: port, samStatus, queue, ...). */
  z.object({ key: z.literal('deviceSteps'), steps: z.array(z.object({ name: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), ok: z.boolean() })).max(20) }),
  /** The kiosk has no county configured. */
  z.object({ key: z.literal('noCounty') }),
  /** The county answered, with an error (its error code, e.g. bad_signature). */
  z.object({ key: z.literal('countyAnswered'), reason: z.string().max(100) }),
  /** No answer from the county (the network's code: ECONNREFUSED, timeout, ...). */
  z.object({ key: z.literal('countyUnreached'), reason: z.string().max(100) }),
  z.object({ key: z.literal('syncCompleted') }),
  z.object({ key: z.literal('syncFailed'), reason: z.string().max(100) }),
  /** The kiosk's clock against the county's, in whole seconds (0: within the county's window). */
  z.object({ key: z.literal('clockOffset'), seconds: z.number().int() }),
  z.object({ key: z.literal('noCountyClock') }),
  z.object({ key: z.literal('staffAccount'), username: z.string().min(1).max(64), roles: z.array(z.enum(['clerk', 'technician'])).max(2) }),
  z.object({ key: z.literal('notInStaffList') }),
  z.object({ key: z.literal('officeHours'), hours: z.array(OfficeHoursSchema).max(14) }),
  z.object({ key: z.literal('phone'), phone: z.string().max(40) }),
]);
export type StepFinding = z.infer<typeof StepFindingSchema>;

/** A translate function taking namespaced keys (i18next's t, the printer's translator). */
export type Say = (key: string, options?: Record<string, unknown>) => string;

const F = 'technician:commissioning.finding';

/** A finding in the reader's language (the screen's t or the PDF's translator). */
export function findingText(finding: StepFinding, t: Say): string {
  switch (finding.key) {
    case 'deviceSteps':
      return finding.steps
        .map((s) => t('common:labelled', { label: t(`technician:selfTest.step.${s.name}`, { defaultValue: s.name }), value: t(s.ok ? 'technician:selfTest.stepOk' : 'technician:selfTest.stepFailed') }))
        .join(t(`${F}.separator`));
    case 'staffAccount':
      return t(`${F}.staffAccount`, { username: finding.username, roles: finding.roles.map((r) => t(`${F}.role.${r}`)).join(t(`${F}.listSeparator`)) });
    case 'officeHours':
      return finding.hours.length === 0
        ? t(`${F}.noOfficeHours`)
        : finding.hours
            .map((h) => `${t('common:attract.weekdays', { days: h.days.map((d) => t(`common:weekday.${d}`)).join(t(`${F}.listSeparator`)) })} ${t('common:attract.hoursRange', { open: h.open, close: h.close })}`)
            .join(t(`${F}.separator`));
    case 'phone':
      return finding.phone === '' ? t(`${F}.noPhone`) : finding.phone;
    case 'countyAnswered':
    case 'countyUnreached':
    case 'syncFailed':
      return t(`${F}.${finding.key}`, { reason: finding.reason });
    case 'clockOffset':
      return t(`${F}.clockOffset`, { seconds: finding.seconds });
    default:
      return t(`${F}.${finding.key}`);
  }
}

/** A step's words after its verdict: the finding worded, or the free text kept with it (a manual step's note, or the line of a record made before findings). */
export function stepDetailText(step: { finding?: StepFinding | undefined; detail?: string | undefined }, t: Say): string {
  const parts = [step.finding ? findingText(step.finding, t) : '', step.detail ?? ''].filter(Boolean);
  return parts.join(t(`${F}.separator`));
}

/**
 * A step's name in the reader's language, for the tab and the A4 record alike: a check by its name, a device's
 * self-test by the device's id with its kind worded (the id alone, `id-reader`, says little to a technician; the kind
 * alone cannot tell two printers apart).
 */
export function stepNameText(step: { id: string; deviceKind?: DeviceKind | undefined }, t: Say): string {
  if (!step.id.startsWith('device:')) return t(`technician:commissioning.step.${step.id}`);
  const id = step.id.slice('device:'.length);
  const device = step.deviceKind ? t('technician:commissioning.step.deviceOfKind', { id, kind: t(`technician:kind.${step.deviceKind}`) }) : id;
  return t('technician:commissioning.step.device', { device });
}
