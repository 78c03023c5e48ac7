/**
 * Copies the State's design system (DSFR) into the bundle: installs the version pinned in package-lock.json from the
 * npm registry when node_modules lacks it (so that an offline build works once it is there), then copies its
 * stylesheet with the fonts and icons that stylesheet refers to. Usage: node src/build/dsfr.mjs <target folder>.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE = '@gouvfr/dsfr';
const target = process.argv[2];
if (!target) {
  throw new Error('usage: node src/build/dsfr.mjs <target folder>');
}
const pinned = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages[`node_modules/${PACKAGE}`].version;
const manifest = join('node_modules', PACKAGE, 'package.json');
if (!existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== pinned) {
  // --ignore-scripts: the package's install script expects a project created by its own generator.
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const dist = join('node_modules', PACKAGE, 'dist');
const css = readFileSync(join(dist, 'dsfr.min.css'), 'utf8');
const referenced = new Set([...css.matchAll(/url\(["']?((?:fonts|icons)\/[^)"'?#]+)/g)].map((match) => match[1]));
for (const file of ['dsfr.min.css', 'LICENSE.md', ...referenced]) {
  const from = file === 'LICENSE.md' ? join('node_modules', PACKAGE, file) : join(dist, file);
  mkdirSync(dirname(join(target, file)), { recursive: true });
  cpSync(from, join(target, file));
}
console.log(`DSFR ${pinned}: ${referenced.size + 2} files copied to ${target}`);
