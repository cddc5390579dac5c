import { createHash } from 'node:crypto';
import { contentSecurityPolicy, inlineHashes } from '../../src/main/csp';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe("the kiosk page's Content-Security-Policy", () => {
  it('allows inline code by hash alone, and none without', () => {
    expect(contentSecurityPolicy()).toContain("script-src 'self'; style-src 'self';");
    const policy = contentSecurityPolicy('ws://127.0.0.1:1', { scripts: ["'sha256-a'"], styles: ["'sha256-b'", "'sha256-c'"] });
    expect(policy).toContain("script-src 'self' 'sha256-a'; style-src 'self' 'sha256-b' 'sha256-c';");
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:1");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("hashes exactly the text of the head's inline scripts and styles (UTF-8), not what the body holds", () => {
    const script = "(()=>{window.x=`办`})();\n";
    const style = 'body{font-family:sans-serif}\n';
    const page = `<!doctype html><html><head><meta charset="UTF-8"><script>${script}</script><script type="module" src="./a.js"></script><style>${style}</style><link rel="stylesheet" href="./b.css"></head><body><div id="root"><script>evil()</script><style>*{}</style></div></body></html>`;
    expect(inlineHashes(page)).toEqual({ scripts: [sha(script)], styles: [sha(style)] });
    // No head (a broken page): nothing allowed.
    expect(inlineHashes('<div><script>x</script></div>')).toEqual({ scripts: [], styles: [] });
  });
});
