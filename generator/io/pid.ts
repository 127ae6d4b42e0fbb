// Whether a process still runs: stale locks, temporary files and work folders carry the pid of their owner.

/** True when `pid` is this process or another live one (EPERM: alive, owned by someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
