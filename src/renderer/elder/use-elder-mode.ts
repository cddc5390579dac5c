import { useCallback, useEffect, useState } from 'react';

/**
 * Elder mode (大字模式), all of it in one place: larger text and controls (the `.elder` tokens of theme.css, switched
 * by a class on <html>), slower reading aloud, and twice the idle time. It is one visit's choice: the class goes when
 * the visit (the component holding this hook) ends, so the next resident starts in the normal size.
 */
export interface ElderMode {
  on: boolean;
  toggle: () => void;
  /** Multiplies the idle timeout and its countdown. */
  idleFactor: number;
  /** Speech rate for reading aloud (1 = normal). */
  speechRate: number;
}

export const ELDER_CLASS = 'elder';

export function useElderMode(): ElderMode {
  const [on, setOn] = useState(false);
  useEffect(() => {
    document.documentElement.classList.toggle(ELDER_CLASS, on);
  }, [on]);
  useEffect(() => () => document.documentElement.classList.remove(ELDER_CLASS), []);
  const toggle = useCallback(() => setOn((v) => !v), []);
  return { on, toggle, idleFactor: on ? 2 : 1, speechRate: on ? 0.8 : 1 };
}
