// Runs server scenarios of the MCP conformance suite (@modelcontextprotocol/conformance) against an MCP endpoint
// (Streamable HTTP) that needs a bearer token, one suite process per scenario, all at once.
// Usage: node conformance.mjs <mcp endpoint url> <service token> <results folder> <scenario>...
// Prints each scenario's report, then {"ok":true,"passed":[...]} when every scenario passed: no check failed and
// at least one succeeded; otherwise {"ok":false,...} and exits with 1.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [url, token, results, ...scenarios] = process.argv.slice(2);
const cli = 'node_modules/@modelcontextprotocol/conformance/dist/index.js';

function run(scenario) {
	const output = join(results, scenario);
	rmSync(output, { recursive: true, force: true });
	const args = ['--import', './conformance-client.mjs', cli, 'server', '--url', url, '--scenario', scenario,
		'--output-dir', output];
	const env = { ...process.env, MCP_CONFORMANCE_URL: url, MCP_CONFORMANCE_BEARER_TOKEN: token };
	return new Promise((resolve) => {
		execFile(process.execPath, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
			const folders = existsSync(output) ? readdirSync(output) : [];
			const checks = folders.length === 1
				? JSON.parse(readFileSync(join(output, folders[0], 'checks.json'), 'utf8')) : [];
			const count = (status) => checks.filter((check) => check.status === status).length;
			const passed = !error && count('FAILURE') === 0 && count('SUCCESS') > 0;
			// the suite colours its report whatever the output is
			const report = `${stdout}${stderr}${error ? `\n${error.message}` : ''}`.replace(/\x1b\[[0-9;]*m/g, '');
			resolve({ scenario, passed, report });
		});
	});
}

const outcomes = await Promise.all(scenarios.map(run));
for (const { scenario, passed, report } of outcomes) {
	console.log(`=== ${scenario}: ${passed ? 'passed' : 'FAILED'}\n${report}`);
}
const passed = outcomes.filter((outcome) => outcome.passed).map((outcome) => outcome.scenario);
const failed = outcomes.filter((outcome) => !outcome.passed).map((outcome) => outcome.scenario);
console.log(JSON.stringify({ ok: failed.length === 0 && passed.length > 0, passed, failed }));
process.exitCode = failed.length === 0 ? 0 : 1;
