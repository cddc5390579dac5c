import type { CatalogItem } from '../../shared/catalog/schema';
import { flowSteps } from '../../shared/catalog/flow-steps';
import { faceCheckNeeded } from '../../shared/catalog/risk-class';
import { isFieldVisible, type FormValues } from '../../shared/catalog/validate-form';

/**
 * The screens of one item's flow, expanded from CATALOG's step list (flowSteps), so the tiles, the guide and the
 * flow agree on what an item involves. A card item's operation screen also hands in the record of it, so its
 * receipt follows. The guide is the item page before the flow; the form becomes one screen
 * per page of fields (pages hidden by earlier answers are skipped); submit happens on the review screen; lookup,
 * result and print are one screen; an info item has no flow (its guide and printed notification are the service).
 */
/** One screen of the planned flow (the catalogue's FlowStep, flow-steps.ts, is the step kind it comes from). */
export type PlannedScreen =
  | { kind: 'identify' }
  | { kind: 'form'; page: number }
  | { kind: 'materials' }
  | { kind: 'face' }
  | { kind: 'review' }
  | { kind: 'receipt' }
  | { kind: 'lookup' }
  | { kind: 'card' };

export function planFlow(item: CatalogItem, values: FormValues): PlannedScreen[] {
  const steps: PlannedScreen[] = [];
  for (const step of flowSteps(item)) {
    switch (step) {
      case 'face':
        // A money item asks for the face only when the money goes to another account than the 社保卡's.
        if (faceCheckNeeded(item, values)) steps.push({ kind: 'face' });
        break;
      case 'identify':
      case 'review':
      case 'lookup':
        steps.push({ kind: step });
        break;
      case 'form':
        item.form.forEach((page, index) => {
          if (page.fields.some((f) => isFieldVisible(f, values))) steps.push({ kind: 'form', page: index });
        });
        break;
      case 'materials':
        if (visibleMaterials(item, values).length > 0) steps.push({ kind: 'materials' });
        break;
      case 'submit':
        // certify items have no review in CATALOG's list; the resident still sees what is sent before sending.
        if (steps[steps.length - 1]?.kind !== 'review') steps.push({ kind: 'review' });
        break;
      case 'receipt':
        steps.push({ kind: 'receipt' });
        break;
      case 'cardOperation':
        steps.push({ kind: 'card' });
        break;
      case 'guide':
      case 'result':
      case 'print':
      case 'notification':
        break;
    }
  }
  return steps;
}

export function visibleMaterials(item: CatalogItem, values: FormValues): CatalogItem['materials'] {
  return item.materials.filter((m) => isFieldVisible(m, values));
}

export function stepKey(step: PlannedScreen): string {
  return step.kind === 'form' ? `form-${step.page}` : step.kind;
}
