/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { KioskError } from '../../shared/contract/errors';
import { asKioskError, useKioskError } from './use-kiosk-error';

describe('a screen failure', () => {
  it('keeps a KioskError as it is and makes anything else internal', () => {
    const expired = new KioskError('card_expired');
    expect(asKioskError(expired)).toBe(expired);
    expect(asKioskError(new Error('boom')).code).toBe('internal');
    expect(asKioskError('text').code).toBe('internal');
  });

  it('holds the last failure until cleared, with fail and clear stable across renders', () => {
    const { result, rerender } = renderHook(() => useKioskError());
    const { fail, clear } = result.current;
    expect(result.current.error).toBeNull();
    act(() => fail(new KioskError('card_expired')));
    expect(result.current.error?.code).toBe('card_expired');
    act(() => fail(new TypeError('x')));
    expect(result.current.error?.code).toBe('internal');
    rerender();
    expect(result.current.fail).toBe(fail);
    expect(result.current.clear).toBe(clear);
    act(() => clear());
    expect(result.current.error).toBeNull();
  });
});
