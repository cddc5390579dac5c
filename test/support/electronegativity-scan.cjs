// Runs @doyensec/electronegativity's own runner (not its CLI) over a folder and writes its findings as JSON.
// Why not the CLI's CSV: the CLI writes the header and the rows with two concurrent async fs.writeFile calls (one
// truncating, one appending), so under load the header lands over the rows and the CSV comes out torn.
// The one check that needs the internet (AvailableSecurityFixesGlobalCheck fetches Electron's release list from
// GitHub) is left out: offline it cannot answer, and its retries only made the scan slow.
// Usage: node electronegativity-scan.cjs <folder> <electron version> <out.json>
const fs = require('node:fs');
const run = require('@doyensec/electronegativity/dist/runner.js');

const [input, electronVersion, out] = process.argv.slice(2);
run({ input, electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] }, false).then(
  (result) => {
    const findings = result.issues.map((i) => ({ check: i.id, severity: i.severity.name, file: i.file, line: i.location.line }));
    fs.writeFileSync(out, JSON.stringify({ checks: result.globalChecks + result.atomicChecks, errors: result.errors, findings }));
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
