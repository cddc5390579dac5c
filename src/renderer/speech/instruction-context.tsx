import { createContext, useContext, useEffect } from 'react';

/** Each screen names its main instruction (already translated) so the shell's "read aloud" button can speak it. */
export const InstructionContext = createContext<(text: string) => void>(() => undefined);

export function useInstruction(text: string): void {
  const set = useContext(InstructionContext);
  useEffect(() => set(text), [set, text]);
}
