import { useState } from 'react';
import type { z } from 'zod';
import { CaseMaterialsSchema } from '../shared/console/api';
import { consoleCall, errorCode } from './api';
import { useConsoleData } from './use-console-data';

/** The resident in full, as the gateway answers a county account that asks (everyone else sees the masked name). */
export interface RevealedResident {
  name: string;
  idNumber: string;
}

/**
 * What an open case needs at a console desk (the county's waiting items, the points' carried cases): the clerk's note,
 * the materials ticked as missing among those the item asks for, the resident revealed on request, and a move posted
 * to the case (`casePath`, e.g. `/cases/<id>`) that clears the note and tells the desk to reload.
 */
export function useDeskCase<Move>(
  casePath: string,
  answers: { move: z.ZodType; detail: z.ZodType<{ resident: RevealedResident | null }> },
  onChanged: () => void,
) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const { data: asked } = useConsoleData(`${casePath}/materials`, CaseMaterialsSchema);
  const [resident, setResident] = useState<RevealedResident | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (body: Move) => {
    setError(null);
    try {
      await consoleCall('POST', casePath, answers.move, body);
      setNote('');
      onChanged();
    } catch (e) {
      setError(errorCode(e));
    }
  };
  const reveal = async () => {
    try {
      setResident((await consoleCall('GET', casePath, answers.detail)).resident);
    } catch (e) {
      setError(errorCode(e));
    }
  };
  const trimmed = note.trim();
  return {
    note,
    setNote,
    /** The note without its spaces; empty when none was written. */
    trimmed,
    /** The note as a move's optional field. */
    withNote: trimmed ? { note: trimmed } : {},
    missing,
    setMissing,
    materials: asked?.materials ?? [],
    resident,
    reveal,
    act,
    error,
  };
}
