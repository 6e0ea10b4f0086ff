import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const repo = join(__dirname, '../../..');

/** The binary `cargo xtask` runs (`cargo run --package xtask`), so it is built before any spec runs. */
const xtask = join(resolve(repo, process.env.CARGO_TARGET_DIR || 'target'), 'debug', 'xtask');

/** The built site, served from a copy the test may change, on a port the test can stop. */
export class SiteServer {
  private child?: ChildProcess;
  /** Ends the server if this process exits without stopping it. */
  private readonly killChild = () => this.child?.kill();
  port = 0;

  private constructor(public root: string) {}

  /** Copies dist/ to a fresh folder and serves it. */
  static async start(): Promise<SiteServer> {
    const root = await mkdtemp(join(tmpdir(), 'keydeck-site-'));
    await cp(join(repo, 'dist'), root, { recursive: true });
    const site = new SiteServer(root);
    await site.listen();
    return site;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Serves the copy with `cargo xtask serve --dist`: on a free port the first time, on the same port after a stop. */
  async listen(): Promise<void> {
    const child = spawn(xtask, ['serve', '--dist', this.root, '--port', String(this.port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Its one line on stdout, once the site is ready: `serving http://127.0.0.1:<port>/`.
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('error', (error) => reject(new Error(`cannot run ${xtask} (cargo build -p xtask builds it): ${error.message}`)));
      child.once('exit', (code, signal) => reject(new Error(`xtask serve ended (${signal ?? code}) before it printed its address`)));
    });
    const address = /^serving (http:\/\/\S+)$/.exec(line)?.[1];
    if (!address) {
      child.kill();
      throw new Error(`xtask serve printed ${JSON.stringify(line)}, not its address`);
    }
    this.port = Number(new URL(address).port);
    this.child = child;
    process.on('exit', this.killChild);
  }

  /** Stops answering, as a phone on a train does. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    process.off('exit', this.killChild);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    }
  }

  /** Turns the served copy into a different build: a new worker and build id. */
  async publishNewBuild(build: string): Promise<void> {
    const sw = join(this.root, 'sw.js');
    await writeFile(sw, (await readFile(sw, 'utf8')).replace(/const BUILD = "[^"]+";/, `const BUILD = "${build}";`));
    // Every page carries the build id: index.html and the rendered routes.
    const pages = (await readdir(this.root, { recursive: true })).filter((f) => f.endsWith('.html'));
    for (const page of pages.map((f) => join(this.root, f))) {
      await writeFile(page, (await readFile(page, 'utf8')).replace(/name="keydeck-build" content="[^"]+"/, `name="keydeck-build" content="${build}"`));
    }
  }
}
