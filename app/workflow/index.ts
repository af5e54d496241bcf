/** Entry of the bot hosted in a workflow (`app/action.yml`, bundled to `dist/bot/index.js`). */
import { runWorkflowBot } from './run.js';

runWorkflowBot(process.env, (line) => process.stdout.write(`${line}\n`))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stdout.write(
      `::error::gh-retry bot: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
