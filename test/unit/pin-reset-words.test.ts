import { resources } from '../../src/shared/locales';

/**
 * A PIN reset is decided by the county and finished at the service window (the county's answer says so, and the
 * receipt's card words say the card is untouched). The card screen must promise the same, in both languages: no
 * "reset" said as done, no new PIN by text message (the county sends none).
 */
describe('the PIN reset says what really happens', () => {
  it.each([
    ['zh-CN', /服务窗口/, /短信|已重置|新的初始密码/],
    ['en', /service window/, /text message|is reset|new initial PIN/],
  ] as const)('%s: the card screen sends the resident to the service window after the county agrees', (language, window, promise) => {
    const screens = resources[language].screens;
    expect(screens.card.explain.resetPin).toMatch(window);
    expect(screens.card.explain.resetPin).not.toMatch(promise);
    expect(JSON.stringify(screens.card)).not.toMatch(promise);
  });
});
