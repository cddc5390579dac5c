import type { CatalogItem } from './schema';

/**
 * The steps the one flow engine runs for an item, read from its record (ARCHITECTURE.md "Screens"): the screens
 * never branch on item codes, only on these steps.
 */
export type FlowStep =
  | 'guide'
  | 'identify'
  | 'face'
  | 'form'
  | 'materials'
  | 'review'
  | 'submit'
  | 'receipt'
  | 'lookup'
  | 'result'
  | 'print'
  | 'cardOperation'
  | 'notification';

export function flowSteps(item: Pick<CatalogItem, 'type' | 'identity' | 'form' | 'materials'>): FlowStep[] {
  const steps: FlowStep[] = ['guide'];
  if (item.identity.required) steps.push('identify');
  const form: FlowStep[] = item.form.length > 0 ? ['form'] : [];
  switch (item.type) {
    case 'apply':
      steps.push(...form);
      if (item.materials.length > 0) steps.push('materials');
      // The face check comes last before review so a resident is not asked twice after going back to fix a field.
      if (item.identity.faceCheck) steps.push('face');
      steps.push('review', 'submit', 'receipt');
      break;
    case 'query':
      steps.push(...form, 'lookup', 'result');
      break;
    case 'print':
      steps.push(...form, 'lookup', 'print');
      break;
    case 'certify':
      steps.push(...form, 'face', 'submit', 'receipt');
      break;
    case 'card':
      steps.push(...form, 'cardOperation', 'receipt');
      break;
    case 'info':
      steps.push('notification');
      break;
  }
  return steps;
}
