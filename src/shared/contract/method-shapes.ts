import { z } from 'zod';
import type { Language } from '../locales';

/**
 * Pieces many methods' schemas share, written once: a method without parameters (`defineMethod` gives it to a
 * method whose schemas name no input), a "how many" limit, a list answer, a plain "done" and a one-flag answer. Each
 * builds a fresh schema where it is called (inside a method's `schemas`, so only when that method is first used).
 */

/** Parameters of a method that takes none: an empty object, and nothing else is accepted. */
export const noParams = () => z.object({}).strict();
export type NoParams = ReturnType<typeof noParams>;

/** `{ limit }`: how many rows a listing may answer, at least one, at most `max`, `byDefault` when not given. */
export const limitParams = (max: number, byDefault: number) => z.object({ limit: z.number().int().min(1).max(max).default(byDefault) }).strict();

/** A listing's answer: `{ [key]: item[] }`, e.g. `listOf('cases', CaseViewSchema)` is `{ cases: CaseView[] }`. */
export const listOf = <K extends string, T extends z.ZodType>(key: K, item: T) => z.object({ [key]: z.array(item) } as { [P in K]: z.ZodArray<T> });

/** The answer of a method that either did its work or threw: `{ ok: true }`. */
export const done = () => z.object({ ok: z.literal(true) });

/** An answer that is one yes/no, e.g. `flag('cancelled')` is `{ cancelled: boolean }` (false: there was nothing to do). */
export const flag = <K extends string>(key: K) => z.object({ [key]: z.boolean() } as { [P in K]: z.ZodBoolean });

/**
 * The kiosk's two languages as a parameter or field. The list is LANGUAGES (shared/locales), written again here only so
 * that the contract does not load the locale text; the compiler checks that both name the same languages.
 */
const LANGUAGE_VALUES = ['zh-CN', 'en'] as const satisfies readonly Language[];
export const language = () => z.enum(LANGUAGE_VALUES);
// Fails to compile when shared/locales gains a language the contract does not accept.
const _everyLanguageAccepted: [Language] extends [(typeof LANGUAGE_VALUES)[number]] ? true : never = true;

/** Words in both of the kiosk's languages as an answer carries them (site name, announcements, what a case misses). */
export const localisedText = () => z.object({ 'zh-CN': z.string(), en: z.string() });
