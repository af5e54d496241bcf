/** Entry of the bot hosted in a workflow (`app/action.yml`, bundled to `dist/bot/index.js`). */
import { runWorkflowBot } from './run.js';
import { errorMessage } from '../../src/core/errors.js';

runWorkflowBot(process.env, (line) => process.stdout.write(`${line}\n`))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stdout.write(`::error::gh-retry bot: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  });
