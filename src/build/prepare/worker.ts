/** A worker process that prepares the episodes it is sent, and exits when the pool disconnects (see pool.ts). */
import { TranscriptError } from '../../domain/errors.ts';
import { prepareEpisode } from './prepare-episode.ts';
import type { Job, Reply } from './pool.ts';

// The pool disconnects a worker when it has nothing more to give it, and the channel also closes
// when the build is killed: either way there is nothing left to do.
process.on('disconnect', () => process.exit(0));

process.on('message', async (job: Job) => {
  let reply: Reply;
  try {
    reply = { prepared: await prepareEpisode(job.inputs, job.rules, job.generated, job.settings) };
  } catch (error) {
    reply = error instanceof TranscriptError
      ? { error: { file: error.file, line: error.line, message: error.message, hint: error.hint } }
      : { crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  if (process.connected) process.send!(reply);
});
