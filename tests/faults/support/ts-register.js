/**
 * Lets a child `node` process run the TypeScript sources directly (`node -r <this> src/cli.ts`):
 * each .ts file is transpiled on require with the project's decorator settings. No type check
 * (tsc does that); used by the fault tests and bench/load.ts, so they need no build.
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};
