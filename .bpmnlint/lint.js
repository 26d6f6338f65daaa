// Lints every BPMN file under processes/ with the rules in .bpmnlint/.bpmnlintrc.
// Maven runs this in process-test-resources, so a diagram that Camunda 7.24 or Modeler
// would reject fails the build before any test runs.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const processes = path.join(root, 'processes');
const files = fs.readdirSync(processes)
  .filter((name) => name.endsWith('.bpmn'))
  .map((name) => path.join(processes, name));

if (files.length === 0) {
  console.error('bpmnlint: no BPMN files in processes/');
  process.exit(1);
}

const bin = path.join(__dirname, 'node_modules', '.bin', 'bpmnlint');
try {
  execFileSync(bin, ['--config', path.join(__dirname, '.bpmnlintrc'), ...files], { stdio: 'inherit', cwd: __dirname });
  console.log(`bpmnlint: ${files.length} diagrams clean`);
} catch (e) {
  process.exit(e.status || 1);
}
