import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../startup-error.js';

/** A held lock on a data directory; `release()` is idempotent. */
export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/**
 * Takes the data directory's lock (`docsy.lock`, created exclusively, holding the pid).
 * PGlite has no lock of its own, and two processes on one store corrupt it. A lock left by a
 * process that no longer runs is taken over.
 *
 * @example
 * const lock = acquireDataDirLock('./data'); // throws StartupError when in use
 * lock.release();
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'docsy.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreateLockFile(file)) return heldLock(file);
    const holder = readHolderPid(file);
    if (holder !== undefined && holder !== process.pid && isProcessAlive(holder)) {
      throw new StartupError(`data directory ${dataDir} is in use by another Docsy process (pid ${holder})`);
    }
    removeStaleLock(file);
  }
  throw new StartupError(`could not take the lock ${file}`);
}

function tryCreateLockFile(file: string): boolean {
  try {
    const fd = openSync(file, 'wx', 0o600);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readHolderPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeStaleLock(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function heldLock(file: string): DataDirLock {
  let held = true;
  return {
    file,
    release() {
      if (!held) return;
      held = false;
      if (readHolderPid(file) === process.pid) removeStaleLock(file);
    },
  };
}
