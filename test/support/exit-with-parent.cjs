// Preloaded (`node --require`) into a command a test starts as a child process: when the test's process is gone
// (a runner killed on a timeout, as Stryker does), the child ends too instead of serving on as an orphan. The check
// is unref'd, so it never keeps the command alive and never changes when the command ends on its own.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
}, 500).unref();
