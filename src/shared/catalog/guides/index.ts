import type { GuideDraft } from './draft';
import { JOB_GUIDES } from './job';
import { SKILL_GUIDES } from './skill';
import { INSURANCE_GUIDES } from './insurance';
import { CARD_GUIDES } from './card';
import { DEMO_GUIDES } from './demo';

/** Guide and FAQ drafts per item code, written per category in the files beside this one. */
export const GUIDES: Readonly<Record<string, GuideDraft>> = {
  ...JOB_GUIDES,
  ...SKILL_GUIDES,
  ...INSURANCE_GUIDES,
  ...CARD_GUIDES,
  ...DEMO_GUIDES,
};

export { buildTexts } from './draft';
