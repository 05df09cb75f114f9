// Tests import the engine as `../../server/src/...` (what TypeScript type-checks against);
// compiled into test/out/, that relative path would point inside test/. Map it to the
// compiled server (server/out/...) at run time.
const Module = require('node:module');
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const testOut = path.join(root, 'test', 'out') + path.sep;
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (parent && parent.filename && parent.filename.startsWith(testOut) && /(^|\/)server\/src(\/|$)/.test(request) && request.startsWith('.')) {
    const wanted = path.resolve(path.dirname(parent.filename), request);
    const rel = path.relative(path.join(root, 'test'), wanted); // server/src/...
    if (rel.startsWith('server' + path.sep + 'src')) request = path.join(root, 'server', 'out', rel.slice(('server' + path.sep + 'src').length));
  }
  return original.call(this, request, parent, ...rest);
};
