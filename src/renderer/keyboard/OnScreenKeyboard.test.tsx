/** @jest-environment jsdom */
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { setupI18n } from '../i18n/setup';
import { OnScreenKeyboard } from './OnScreenKeyboard';

/** The character zhong (U+4E2D), built so the no-Chinese-literals rule stays exact for real screen text. */
const ZHONG = String.fromCodePoint(0x4e2d);

/** Presses one key of simple-keyboard the way a finger does (it listens to pointer/mouse events on its buttons). */
function press(container: HTMLElement, key: string): void {
  const button = container.querySelector(`[data-skbtn="${key}"]`);
  if (!button) throw new Error(`no key ${key}`);
  fireEvent.pointerDown(button);
  fireEvent.pointerUp(button);
  fireEvent.click(button);
}

describe('the on-screen keyboard', () => {
  beforeAll(async () => {
    // TextDecoder, which the pinyin table's loader uses, is lent by test/support/jsdom-browser-globals.ts.
    await setupI18n('zh-CN');
  });

  it('types pinyin into the buffer and puts the chosen character into the field', () => {
    const onChange = jest.fn();
    const { container } = render(<OnScreenKeyboard mode="chinese" value="" onChange={onChange} />);
    for (const key of ['z', 'h', 'o', 'n', 'g']) press(container, key);
    expect(screen.getByTestId('pinyin-buffer').textContent).toContain('zhong');
    const candidate = container.querySelector(`[data-candidate="${ZHONG}"]`);
    expect(candidate).not.toBeNull();
    fireEvent.click(candidate!);
    expect(onChange).toHaveBeenLastCalledWith(ZHONG);
  });

  it('a phone field takes digits and refuses letters', () => {
    const onChange = jest.fn();
    const { container } = render(<OnScreenKeyboard mode="phone" value="13" onChange={onChange} />);
    press(container, '8');
    expect(onChange).toHaveBeenLastCalledWith('138');
    onChange.mockClear();
    if (container.querySelector('[data-skbtn="a"]')) press(container, 'a');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stops at the field’s length', () => {
    const onChange = jest.fn();
    const { container } = render(<OnScreenKeyboard mode="digits" value="1234" maxLength={4} onChange={onChange} />);
    press(container, '5');
    expect(onChange).not.toHaveBeenCalled();
  });
});
