// Serves the built renderer from one folder; paths cannot escape it.
import { promises as fs } from 'node:fs';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  isHtml: boolean;
}

export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(rootDir, relative);
  if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return null;
  try {
    const body = await fs.readFile(file);
    const extension = path.extname(file);
    return {
      body,
      contentType: contentTypes[extension] ?? 'application/octet-stream',
      isHtml: extension === '.html',
    };
  } catch {
    return null;
  }
}
