// Tests and benchmarks import the engine as `../server/src/...` (what TypeScript
// type-checks against). Compiled into test/out/ or bench/out/, that relative path points
// inside test/ or bench/. Map it to the compiled server (server/out/...) at run time.
// Used by .mocharc.json and `npm run bench` (node -r).
const Module = require('node:module');
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const outDirs = ['test', 'bench'].map(d => path.join(root, d, 'out') + path.sep);
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent && parent.filename;
  if (from && request.startsWith('.') && /(^|\/)server\/src(\/|$)/.test(request)) {
    const outDir = outDirs.find(d => from.startsWith(d));
    if (outDir) {
      const wanted = path.resolve(path.dirname(from), request);
      const rel = path.relative(path.dirname(outDir.slice(0, -1)), wanted); // server/src/...
      const src = path.join('server', 'src');
      if (rel === src || rel.startsWith(src + path.sep)) request = path.join(root, 'server', 'out', rel.slice(src.length));
    }
  }
  return original.call(this, request, parent, ...rest);
};
