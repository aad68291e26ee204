// Which worker takes a task (src/pdf/balancer.ts), as piscina describes its workers: a worker
// holding one task with an abort signal says it is infinitely busy, and which it is.
import { describe, expect, it } from 'vitest';
import { leastBusy, TASKS_PER_WORKER } from '../src/pdf/balancer.js';

type Worker = Parameters<typeof leastBusy>[1][number];
const worker = (tasks: number, abortable = true, terminating = false): Worker =>
  ({
    currentUsage: tasks === 1 && abortable ? Infinity : tasks,
    isRunningAbortableTask: tasks === 1 && abortable,
    terminating,
  }) as unknown as Worker;
const task = {} as Parameters<typeof leastBusy>[0];

describe('the balancer', () => {
  it('gives a worker running one abortable task its next one: the worker never waits for the main thread', () => {
    const busy = worker(1);
    expect(leastBusy(task, [busy])).toBe(busy);
  });
  it('prefers an idle worker, then the least busy', () => {
    const one = worker(1);
    const idle = worker(0);
    expect(leastBusy(task, [one, idle])).toBe(idle);
    const plain = worker(1, false);
    expect(leastBusy(task, [worker(TASKS_PER_WORKER), plain])).toBe(plain);
  });
  it('gives none to a full worker, nor to one being terminated', () => {
    expect(leastBusy(task, [worker(TASKS_PER_WORKER), worker(0, true, true)])).toBeNull();
  });
});
