// Runs `npm ci` (exactly what package-lock.json says, from the npm registry or npm's cache) unless node_modules
// already holds that very lock file: Maven calls this on every build, and a full install takes half a minute.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.access-console-lock';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  console.log('node_modules matches package-lock.json: npm ci skipped');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { stdio: 'inherit' });
if (run.status !== 0) {
  process.exit(run.status ?? 1);
}
writeFileSync(stamp, lock);
