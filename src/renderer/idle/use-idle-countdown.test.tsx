/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, renderHook } from '@testing-library/react';
import { useIdleCountdown } from './use-idle-countdown';

describe('the idle countdown', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const start = (overrides: Partial<Parameters<typeof useIdleCountdown>[0]> = {}) => {
    const onActivity = jest.fn();
    const onExpire = jest.fn();
    const hook = renderHook((props: Parameters<typeof useIdleCountdown>[0]) => useIdleCountdown(props), {
      initialProps: { enabled: true, timeoutSeconds: 60, countdownSeconds: 20, onActivity, onExpire, ...overrides },
    });
    return { ...hook, onActivity, onExpire };
  };

  it('warns after the timeout, counts down a second at a time, and ends the visit once at zero', () => {
    const { result, onExpire } = start();
    act(() => void jest.advanceTimersByTime(59_999));
    expect(result.current.state).toEqual({ phase: 'active' });
    act(() => void jest.advanceTimersByTime(1));
    expect(result.current.state).toEqual({ phase: 'warning', secondsLeft: 20 });
    for (let i = 0; i < 5; i++) act(() => void jest.advanceTimersByTime(1_000));
    expect(result.current.state).toEqual({ phase: 'warning', secondsLeft: 15 });
    for (let i = 0; i < 14; i++) act(() => void jest.advanceTimersByTime(1_000));
    expect(result.current.state).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(onExpire).not.toHaveBeenCalled();
    act(() => void jest.advanceTimersByTime(1_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
    act(() => void jest.advanceTimersByTime(10_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('a touch or key while active starts the timeout again and tells the session', () => {
    const { result, onActivity } = start();
    act(() => void jest.advanceTimersByTime(50_000));
    fireEvent.pointerDown(window);
    act(() => void jest.advanceTimersByTime(50_000));
    expect(result.current.state.phase).toBe('active');
    fireEvent.keyDown(window, { key: 'a' });
    expect(onActivity).toHaveBeenCalledTimes(2);
    act(() => void jest.advanceTimersByTime(60_000));
    expect(result.current.state.phase).toBe('warning');
  });

  it('a stray touch during the warning does not hide the question; "continue" does', () => {
    const { result, onExpire } = start();
    act(() => void jest.advanceTimersByTime(60_000));
    fireEvent.pointerDown(window);
    expect(result.current.state.phase).toBe('warning');
    act(() => result.current.extend());
    expect(result.current.state).toEqual({ phase: 'active' });
    act(() => void jest.advanceTimersByTime(59_000));
    expect(result.current.state.phase).toBe('active');
    expect(onExpire).not.toHaveBeenCalled();
  });

  it("the core's warning starts or shortens the countdown, never lengthens it", () => {
    const { result } = start();
    act(() => result.current.warn(30));
    expect(result.current.state).toEqual({ phase: 'warning', secondsLeft: 30 });
    act(() => result.current.warn(45));
    expect(result.current.state).toEqual({ phase: 'warning', secondsLeft: 30 });
    act(() => result.current.warn(10));
    expect(result.current.state).toEqual({ phase: 'warning', secondsLeft: 10 });
  });

  it('does nothing while disabled (the attract screen)', () => {
    const { result, onExpire } = start({ enabled: false });
    act(() => void jest.advanceTimersByTime(600_000));
    act(() => result.current.warn(5));
    expect(result.current.state).toEqual({ phase: 'active' });
    expect(onExpire).not.toHaveBeenCalled();
  });
});
