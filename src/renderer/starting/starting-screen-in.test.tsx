/** @jest-environment jsdom */
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act } from '@testing-library/react';
import { createRoot, type Root } from 'react-dom/client';
import { resources } from '../../shared/locales';
import type { loadLanguage as LoadLanguage } from '../i18n/load-language';
import type { startingScreenIn as StartingScreenIn } from './starting-screen-in';

// The page language's texts, held back until the test lets them through: the waiting screen's texts arriving after
// the core has answered.
let release: () => void = () => undefined;
let startingScreenIn: typeof StartingScreenIn;
beforeAll(async () => {
  jest.doMock('../i18n/load-language', () => {
    const actual = jest.requireActual<{ loadLanguage: typeof LoadLanguage }>('../i18n/load-language');
    const held = new Promise<void>((resolve) => (release = resolve));
    return { loadLanguage: (language: 'zh-CN' | 'en') => held.then(() => actual.loadLanguage(language)) };
  });
  ({ startingScreenIn } = await import('./starting-screen-in'));
});

describe('the waiting screen in the page (startingScreenIn)', () => {
  let root: Root;
  afterEach(() => act(() => root.unmount()));

  it('never covers what the page shows once the core answered, even when its texts arrive after', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    document.documentElement.setAttribute('lang', 'zh-CN');
    root = createRoot(document.getElementById('root')!);
    const notice = startingScreenIn(root);
    notice.show(1); // a failed ask: the texts are asked for
    notice.close(); // the core answered meanwhile, and boot renders the attract screen
    act(() => root.render(<main data-attract />));
    await act(async () => release());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(document.querySelector('[data-attract]')).not.toBeNull();
    expect(document.body.textContent).not.toContain(resources['zh-CN'].common.app.starting.title);
  });
});
