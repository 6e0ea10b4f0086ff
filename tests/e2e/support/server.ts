import { createServer, type Server } from 'node:http';
import { readFile, cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** The built site, served from a copy the test may change, on a port the test can stop. */
export class SiteServer {
  private server?: Server;
  port = 0;

  private constructor(public root: string) {}

  /** Copies dist/ to a fresh folder and serves it. */
  static async start(): Promise<SiteServer> {
    const root = await mkdtemp(join(tmpdir(), 'keydeck-site-'));
    await cp(join(__dirname, '../../../dist'), root, { recursive: true });
    const site = new SiteServer(root);
    await site.listen();
    return site;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
      const file = path === '' ? 'index.html' : path;
      const candidates = extname(file) ? [file] : [file, 'index.html'];
      for (const candidate of candidates) {
        try {
          const body = await readFile(join(this.root, candidate));
          res.writeHead(200, { 'Content-Type': TYPES[extname(candidate)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
          res.end(body);
          return;
        } catch {}
      }
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Stops answering, as a phone on a train does. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Turns the served copy into a different build: a new worker and build id. */
  async publishNewBuild(build: string): Promise<void> {
    const sw = join(this.root, 'sw.js');
    await writeFile(sw, (await readFile(sw, 'utf8')).replace(/const BUILD = "[^"]+";/, `const BUILD = "${build}";`));
    const index = join(this.root, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace(/name="keydeck-build" content="[^"]+"/, `name="keydeck-build" content="${build}"`));
  }
}
