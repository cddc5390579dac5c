import { parseXdpyinfoSize, screenNumberOf, xScreenSize } from './screen-size';
import { chromiumArgs, windowFromScreen } from './chromium';

const REPORT = `name of display:    :97
version number:    11.0
number of screens:    2

screen #0:
  dimensions:    1920x1080 pixels (488x274 millimeters)
  resolution:    100x100 dots per inch

screen #1:
  dimensions:    1366x768 pixels (361x203 millimeters)
`;

describe('the X screen size for the kiosk window', () => {
  it("reads the display's own screen from xdpyinfo", () => {
    expect(parseXdpyinfoSize(REPORT, 0)).toEqual({ width: 1920, height: 1080 });
    expect(parseXdpyinfoSize(REPORT, 1)).toEqual({ width: 1366, height: 768 });
    expect(parseXdpyinfoSize(REPORT, 2)).toBeNull();
    expect(parseXdpyinfoSize('screen #0:\n  dimensions:    0x0 pixels', 0)).toBeNull();
    expect(parseXdpyinfoSize('garbage', 0)).toBeNull();
  });

  it('takes the screen number from the display name', () => {
    expect(screenNumberOf(':0')).toBe(0);
    expect(screenNumberOf(':0.1')).toBe(1);
    expect(screenNumberOf('kiosk-pc:10.2')).toBe(2);
  });

  it('asks xdpyinfo about $DISPLAY, and gives up quietly without a display or the tool', () => {
    const calls: string[][] = [];
    expect(xScreenSize(':0.1', (file, args) => (calls.push([file, ...args]), REPORT))).toEqual({ width: 1366, height: 768 });
    expect(calls).toEqual([['xdpyinfo', '-display', ':0.1']]);
    expect(xScreenSize(undefined, () => REPORT)).toBeNull();
    expect(
      xScreenSize(':0', () => {
        throw new Error('spawn xdpyinfo ENOENT');
      }),
    ).toBeNull();
  });

  it('places a windowed kiosk at 0,0 one pixel past the screen, and leaves headless and unknown screens alone', () => {
    expect(windowFromScreen({ width: 1920, height: 1080 })).toEqual(['--window-position=0,0', '--window-size=1921,1081']);
    expect(windowFromScreen(null)).toEqual([]);
    const windowed = chromiumArgs({ url: 'http://127.0.0.1:1/', profile: '/tmp/p', headless: false, screen: { width: 1920, height: 1080 } });
    expect(windowed).toEqual(expect.arrayContaining(['--kiosk', '--window-position=0,0', '--window-size=1921,1081']));
    const headless = chromiumArgs({ url: 'http://127.0.0.1:1/', profile: '/tmp/p', headless: true, screen: { width: 1920, height: 1080 } });
    expect(headless.some((a) => a.startsWith('--window-size'))).toBe(false);
  });
});
