// Runs a benchmark's job in a worker thread: independent simulations (one size, one scheduler)
// then use both cores of the machine. The module named runs the job when it finds `workerData`
// (see {@link answerFromWorker}) and posts `{ log }` lines and one `{ result }`.
import { Worker } from 'node:worker_threads';

/** Starts `moduleUrl` in a worker with `job` as its workerData; answers the result it posts. */
export function runInWorker<Result>(
  moduleUrl: string,
  job: unknown,
  log: (line: string) => void,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader: the worker registers it, then loads the module.
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const bootstrap =
      `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); })` +
      '.catch((error) => { console.error(error); process.exit(1); });';
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.on('message', (message: { log?: string; result?: Result }) => {
      if (message.log) log(message.log);
      if (message.result) resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`Benchmark worker exited with ${code}`));
    });
  });
}

/** Runs `jobs` two at a time at most (the machine's cores, up to 2), biggest first as given. */
export async function runTwoAtATime<Job, Result>(
  jobs: readonly Job[],
  run: (job: Job) => Promise<Result>,
  parallel = 2,
): Promise<Result[]> {
  const results: Result[] = new Array<Result>(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, parallel) }, async () => {
      while (next < jobs.length) {
        const at = next++;
        results[at] = await run(jobs[at]!);
      }
    }),
  );
  return results;
}
