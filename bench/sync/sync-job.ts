// One run of the sync benchmark (our scheduler or the naive poller, at one size), in a worker
// thread: the runs are independent simulations, so two at once use both cores of the machine.
import '../support/extension-env';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { seedSandboxData } from '../../sandbox/seed-data';
import { runNaive } from './naive-poller';
import { syncScenario } from './scenario';
import { runScheduler } from './scheduler-run';

/** What a job runs. */
export interface SyncJob {
  who: 'ours' | 'naive';
  n: number;
  hourMs: number;
  drainMs: number;
}

export type SchedulerResult = Awaited<ReturnType<typeof runScheduler>>;
export type NaiveResult = Awaited<ReturnType<typeof runNaive>>;

/** Runs a job in this thread. */
export async function runJob(job: SyncJob, log: (line: string) => void) {
  const ids = [...seedSandboxData({ contacts: job.n, now: Date.now() }).contacts.keys()];
  const scenario = syncScenario(ids, job.n, { hourMs: job.hourMs, drainMs: job.drainMs });
  const started = performance.now();
  const result = job.who === 'ours' ? await runScheduler(scenario, log) : await runNaive(scenario);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`N=${job.n} ${job.who === 'ours' ? 'our scheduler' : 'naive poller'}: ${seconds} s`);
  return result;
}

/** Runs a job in a worker thread (this module), answering its result. */
export function runJobInWorker(
  job: SyncJob,
  log: (line: string) => void,
): Promise<SchedulerResult | NaiveResult> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader: the worker registers it, then loads this module.
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const bootstrap =
      `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })` +
      '.catch((error) => { console.error(error); process.exit(1); });';
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.on('message', (message: { log?: string; result?: SchedulerResult | NaiveResult }) => {
      if (message.log) log(message.log);
      if (message.result) resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`Sync benchmark worker exited with ${code}`));
    });
  });
}

if (parentPort && (workerData as SyncJob | undefined)?.who) {
  const port = parentPort;
  const result = await runJob(workerData as SyncJob, (line) => port.postMessage({ log: line }));
  port.postMessage({ result });
}
