import { EOL } from 'node:os';
import { readPostState } from './record/post-state.js';

// Post usually only finds that main uploaded the record: it says so without loading the upload
// path (the artifact client and the record schema), which is most of a bundle's start-up time.
const state = readPostState(process.env);
if (state.kind === 'pending') {
  const { runPost } = await import('./record/post-run.js');
  await runPost(state.upload);
} else {
  process.stdout.write(
    `${
      state.kind === 'uploaded'
        ? 'The run record was uploaded by the main step'
        : 'Nothing to upload: the main step reported why it kept the run record'
    }${EOL}`,
  );
}
