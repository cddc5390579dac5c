/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { lazyScreen } from './lazy-screens';

/** A screen with something the person did on it: a count they raised. */
function Counter({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount((n) => n + 1)} data-label={label}>
      {`count ${count}`}
    </button>
  );
}

function deferredScreen() {
  let arrive: (c: typeof Counter) => void = () => undefined;
  const chunk = new Promise<typeof Counter>((resolve) => (arrive = resolve));
  return { Screen: lazyScreen(() => chunk), arrive: () => act(async () => arrive(Counter)) };
}

describe('lazyScreen', () => {
  it('keeps what the person did on a screen that was shown before its chunk arrived, through later re-renders', async () => {
    const { Screen, arrive } = deferredScreen();
    const { rerender } = render(<Screen label="first" />);
    expect(screen.queryByRole('button')).toBeNull();
    await arrive();
    fireEvent.click(await screen.findByRole('button'));
    expect(screen.getByRole('button').textContent).toBe('count 1');
    // The parent re-renders (a language switch, a live status): the screen must not be remounted.
    rerender(<Screen label="second" />);
    expect(screen.getByRole('button').textContent).toBe('count 1');
    expect(screen.getByRole('button').getAttribute('data-label')).toBe('second');
  });

  it('renders at once, without suspending, once its chunk is in', async () => {
    const { Screen, arrive } = deferredScreen();
    const preloaded = Screen.preload();
    await arrive();
    await preloaded;
    render(<Screen label="later" />);
    expect(screen.getByRole('button').textContent).toBe('count 0');
  });
});
