// Writes the run's totals to tests/artifacts/summary.json, for .ci/run's closing
// `N passed, N failed` line (CI does not read Jest's own summary).
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', 'artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const failedSuites = results.numFailedTestSuites - results.testResults.filter((r) => r.numFailingTests > 0).length;
    const summary = {
      passed: results.numPassedTests,
      // A suite that fails before any test runs (a syntax error, a failing beforeAll) counts as one failure.
      failed: results.numFailedTests + Math.max(0, failedSuites),
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary));
  }
}
module.exports = SummaryReporter;
