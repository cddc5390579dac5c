import { resources, type Language } from '../locales';
import type { MonthlyFigures } from './monthly-figures';
import * as rows from './report-rows';

/**
 * The monthly report's layout (report-rows.ts) in a language by name, for the core, the county and the files they
 * make, which hold every language's texts already.
 */
export { formatServiceValue, layoutItems, type ItemRow, type LayoutItem, type ServiceRow } from './report-rows';

const wording = (language: Language): rows.ReportWording => ({ language, texts: resources[language] });

/** A report text in a language: `report:` keys by dotted path, with {{name}} filled in. */
export const reportText = (language: Language) => rows.wordingText(wording(language));

export const itemRows = (figures: Pick<MonthlyFigures, 'items'>, catalogue: readonly rows.LayoutItem[], language: Language) => rows.itemRows(figures, catalogue, wording(language));

export const serviceRows = (figures: MonthlyFigures, language: Language) => rows.serviceRows(figures, wording(language));
