/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { TickBox } from './TickBox';

function Ticked({ start }: { start: boolean }) {
  const [ticked, setTicked] = useState(start);
  return (
    <>
      <TickBox ticked={ticked} onChange={setTicked} describedBy="why" data={{ 'data-line': 'publicity', 'data-flag': true }}>
        I checked the board
      </TickBox>
      <p id="why">The record says who checked it.</p>
    </>
  );
}

describe('TickBox', () => {
  it('is a touch-sized checkbox named by its words, ticked and unticked by a touch', () => {
    render(<Ticked start={false} />);
    const box = screen.getByRole('checkbox', { name: 'I checked the board' });
    expect(box.tagName).toBe('BUTTON');
    expect(box.getAttribute('type')).toBe('button'); // never submits a form it sits in
    expect(box.className.split(' ')).toEqual(['button', 'tick']);
    expect(box.getAttribute('aria-checked')).toBe('false');
    expect(box.getAttribute('aria-describedby')).toBe('why');
    expect(box.getAttribute('data-line')).toBe('publicity');
    expect(box.hasAttribute('data-flag')).toBe(true);
    fireEvent.click(box);
    expect(box.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(box);
    expect(box.getAttribute('aria-checked')).toBe('false');
  });

  it('starts ticked when it is', () => {
    render(<Ticked start />);
    expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('true');
  });
});
