/** @jest-environment jsdom */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { renderHook } from '@testing-library/react';
import { useReloadWhenDue, type DueCase } from './use-reload-when-due';

const NOW = Date.parse('2026-12-11T00:00:00.000Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('useReloadWhenDue', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reloads just after the earliest due time of an open case not yet flagged, and for nothing else', () => {
    jest.useFakeTimers({ now: NOW });
    const reload = jest.fn();
    const cases: DueCase[] = [
      { state: 'sent', dueAt: at(-10), overdue: true }, // already flagged
      { state: 'done', dueAt: at(30), overdue: false }, // finished: never overdue
      { state: 'atTownship', dueAt: at(120), overdue: false },
      { state: 'opened', dueAt: at(60), overdue: false }, // the earliest that will turn
    ];
    renderHook(() => useReloadWhenDue(cases, reload));
    jest.advanceTimersByTime(60 * 60_000);
    expect(reload).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1_000);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('sets no timer with no list, or none that will turn', () => {
    jest.useFakeTimers({ now: NOW });
    const reload = jest.fn();
    renderHook(() => useReloadWhenDue(null, reload));
    renderHook(() => useReloadWhenDue([{ state: 'refused', dueAt: at(5), overdue: false }], reload));
    expect(jest.getTimerCount()).toBe(0);
  });
});
