import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Realistic review history from the study crate's generator, as the app stores it. */
export function sampleHistory(days: number): string {
  const out = join(mkdtempSync(join(tmpdir(), 'keydeck-history-')), 'history.json');
  execFileSync('cargo', ['xtask', 'sample-history', String(days), out], { cwd: join(__dirname, '../../..'), stdio: 'ignore' });
  return readFileSync(out, 'utf8');
}
