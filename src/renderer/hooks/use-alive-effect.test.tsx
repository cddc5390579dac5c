/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { renderHook } from '@testing-library/react';
import { useAliveEffect } from './use-alive-effect';

describe('an effect that drops late answers', () => {
  it('is alive until its inputs change or the screen goes, and runs its own cleanup', () => {
    const seen: Array<() => boolean> = [];
    let cleaned = 0;
    const { rerender, unmount } = renderHook(({ key }: { key: number }) =>
      useAliveEffect(
        (alive) => {
          seen.push(alive);
          return () => void cleaned++;
        },
        [key],
      ),
    { initialProps: { key: 1 } });
    expect(seen[0]!()).toBe(true);
    rerender({ key: 1 });
    expect(seen).toHaveLength(1);
    rerender({ key: 2 });
    expect(seen[0]!()).toBe(false);
    expect(seen[1]!()).toBe(true);
    unmount();
    expect(seen[1]!()).toBe(false);
    expect(cleaned).toBe(2);
  });
});
