/** @jest-environment jsdom */
import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resources } from '../../shared/locales';
import type { loadLanguage as LoadLanguage } from './load-language';
import type { setupI18n as SetupI18n } from './setup';

// The real per-language chunks, with a gate that can hold the English one back: so a test can look at the screen
// while the other language is still on its way.
let englishGate: Promise<void> | null = null;
let setupI18n: typeof SetupI18n;
beforeAll(async () => {
  jest.doMock('./load-language', () => {
    const actual = jest.requireActual<{ loadLanguage: typeof LoadLanguage }>('./load-language');
    return {
      loadLanguage: (language: 'zh-CN' | 'en') => (englishGate && language === 'en' ? englishGate.then(() => actual.loadLanguage(language)) : actual.loadLanguage(language)),
    };
  });
  ({ setupI18n } = await import('./setup'));
});

const ZH = resources['zh-CN'].common.app.title;
const EN = resources.en.common.app.title;

/** What the screen showed at every render, how often it was mounted, and whether it ever suspended. */
const seen = { titles: [] as string[], mounts: 0, suspended: 0 };

function Fallback() {
  seen.suspended += 1;
  return null;
}

/** A screen in the middle of a visit: a title, something typed, a count raised. */
function VisitScreen() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [count, setCount] = useState(0);
  useEffect(() => {
    seen.mounts += 1;
  }, []);
  const title = t('app.title');
  seen.titles.push(title);
  return (
    <div>
      <h1>{title}</h1>
      <input aria-label="phone" value={typed} onChange={(e) => setTyped(e.target.value)} />
      <button type="button" onClick={() => setCount((n) => n + 1)}>{`count ${count}`}</button>
    </div>
  );
}

function showVisit() {
  render(
    <Suspense fallback={<Fallback />}>
      <VisitScreen />
    </Suspense>,
  );
  fireEvent.change(screen.getByLabelText('phone'), { target: { value: '13800000000' } });
  fireEvent.click(screen.getByRole('button'));
}

function holdEnglish(): () => Promise<void> {
  let release: () => void = () => undefined;
  englishGate = new Promise<void>((resolve) => (release = resolve));
  return () => act(async () => release());
}

/** Lets every pending promise settle (the chunk import, i18next's bookkeeping) without releasing a held language. */
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

describe('the screen language', () => {
  beforeEach(async () => {
    englishGate = null;
    Object.assign(seen, { titles: [], mounts: 0, suspended: 0 });
    await setupI18n('zh-CN'); // a fresh i18next store each time: English not loaded yet
  });

  it('loads only the page language up front', () => {
    expect(i18next.hasResourceBundle('zh-CN', 'common')).toBe(true);
    expect(i18next.hasResourceBundle('en', 'common')).toBe(false);
    expect(i18next.t('app.title')).toBe(ZH);
  });

  it('switches to a language not loaded yet without untranslated text, suspending or losing what the visit holds', async () => {
    showVisit();
    const release = holdEnglish();
    let switched: Promise<unknown> = Promise.resolve();
    act(() => {
      switched = i18next.changeLanguage('en');
    });
    await settle();
    // Still on its way: the screen stays whole in the language before.
    expect(screen.getByRole('heading').textContent).toBe(ZH);
    expect(i18next.language).toBe('zh-CN');

    await release();
    await act(async () => {
      await switched;
    });
    expect(screen.getByRole('heading').textContent).toBe(EN);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect((screen.getByLabelText('phone') as HTMLInputElement).value).toBe('13800000000');
    expect(screen.getByRole('button').textContent).toBe('count 1');
    expect(seen).toEqual({ titles: expect.any(Array), mounts: 1, suspended: 0 });
    expect(new Set(seen.titles)).toEqual(new Set([ZH, EN])); // never a bare key

    // Back (the idle wipe returns to the point's language): loaded already, at once.
    await act(async () => {
      await i18next.changeLanguage('zh-CN');
    });
    expect(screen.getByRole('heading').textContent).toBe(ZH);
    expect(seen.mounts).toBe(1);
  });

  it('a return to the point language while the other is on its way wins when the other arrives late', async () => {
    showVisit();
    const release = holdEnglish();
    act(() => {
      void i18next.changeLanguage('en');
    });
    await settle();
    await act(async () => {
      await i18next.changeLanguage('zh-CN'); // the visit ended (idle wipe) before English arrived
    });
    await release();
    await settle();
    expect(i18next.language).toBe('zh-CN');
    expect(screen.getByRole('heading').textContent).toBe(ZH);
    expect(seen.suspended).toBe(0);
  });
});
