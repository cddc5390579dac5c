import type { CatalogItem } from './schema';
import { faceCheckPossible } from './risk-class';

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

/**
 * The face step appears wherever the item's risk class or record can need one; a money item needs it only when the
 * resident chooses another account than the 社保卡's, so the screens drop it by the answers (faceCheckNeeded).
 */
export function flowSteps(item: Pick<CatalogItem, 'type' | 'identity' | 'form' | 'materials' | 'riskClass'>): FlowStep[] {
  const steps: FlowStep[] = ['guide'];
  if (item.identity.required) steps.push('identify');
  const form: FlowStep[] = item.form.length > 0 ? ['form'] : [];
  switch (item.type) {
    case 'apply':
      steps.push(...form);
      if (item.materials.length > 0) steps.push('materials');
      // The face check comes last before review so a resident is not asked twice after going back to fix a field.
      if (faceCheckPossible(item)) steps.push('face');
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
      // The holder's face before anything happens to the card (risk class card).
      steps.push(...form, ...(faceCheckPossible(item) ? (['face'] as FlowStep[]) : []), 'cardOperation', 'receipt');
      break;
    case 'info':
      steps.push('notification');
      break;
  }
  return steps;
}
