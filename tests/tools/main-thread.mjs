// The renderer main thread's tasks in a Chromium trace, for the bench scripts.
export function mainThreadTasks(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
  const longest = tasks.reduce((max, e) => Math.max(max, e.dur ?? 0), 0) / 1000;
  const over50 = tasks.filter((e) => (e.dur ?? 0) > 50_000).length;
  return { count: tasks.length, longest, over50 };
}
