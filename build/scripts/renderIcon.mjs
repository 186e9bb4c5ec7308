// Renders build/icons/icon.svg to build/icon.png (1024 px) with Debian chromium; electron-builder
// derives every platform icon from that PNG. Run by hand after editing the SVG.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: 1024, height: 1024 } });
await p.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(new URL('../icons/icon.svg', import.meta.url),'utf8')}</body></html>`);
await p.screenshot({ path: new URL('../icon.png', import.meta.url).pathname, omitBackground: true });
await b.close();
