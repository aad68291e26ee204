// Which worker takes a task. Piscina's own balancer gives a task with an abort signal (all of
// the pool's: its watchdog aborts a task whose file ran out of time) only to an idle worker,
// since aborting one terminates its worker and whatever else that worker runs. For this pool
// that costs nothing: while one task's file runs out of time, the other task is reading no
// file (a worker reads files one at a time, src/pdf/worker.ts), so no file of it is blamed,
// and it is run again (src/pdf/pool.ts). With piscina's balancer the second task never came:
// each worker sat idle for a round trip through the main thread after every dossier, 12 % of
// its time on the benchmark (5 % with this one; wall time −2.3 % over 20 alternate pairs).
import type { Piscina } from 'piscina';

/** Tasks a worker holds at once: the one it runs, and the next. */
export const TASKS_PER_WORKER = 2;

/**
 * The least busy worker that is not being terminated and holds fewer than TASKS_PER_WORKER
 * tasks, or null. Piscina says a worker holding one task with an abort signal is infinitely
 * busy (currentUsage), and says which ones these are (isRunningAbortableTask).
 */
export type Balancer = NonNullable<NonNullable<ConstructorParameters<typeof Piscina>[0]>['loadBalancer']>;
export const leastBusy: Balancer = (_task, workers) => {
  let best: (typeof workers)[number] | null = null;
  let bestUsage = TASKS_PER_WORKER;
  for (const w of workers) {
    if (w.terminating) continue;
    const usage = w.isRunningAbortableTask ? 1 : w.currentUsage;
    if (usage === 0) return w;
    if (usage < bestUsage) {
      best = w;
      bestUsage = usage;
    }
  }
  return best;
};
