import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves the built front end (dist/web); `/` is index.html. Returns false when no file matches. */
export async function serveStatic(webRoot: string, pathname: string, res: ServerResponse): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      'The dashboard is not built yet: run `pnpm demo` from the repo root (or `pnpm --filter @roomcast/demo build`).\n',
    );
    return true;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return false;
  }
  const file = normalize(join(webRoot, relative));
  // Never serve outside the web root (`/../../etc/passwd`).
  if (!file.startsWith(webRoot.endsWith(sep) ? webRoot : webRoot + sep)) return false;
  try {
    const content = await readFile(file);
    const immutable = relative.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(content);
    return true;
  } catch {
    return false;
  }
}
