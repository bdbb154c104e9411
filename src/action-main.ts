// Startup of the GitHub Action's entry (action.yml runs `node dist/src/action-main.js`): the only
// line that sets the process exit code for the Action.
import { runAction } from './action.js';

const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
process.exitCode = await runAction({
  env: process.env,
  cwd,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
