import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { acquireDataDirLock } from '../../server/db/data-dir-lock.js';
import { StartupError } from '../../server/startup-error.js';

function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'docsy-lock-'));
}

/** A process that lives until killed, standing in for another Docsy. */
function otherProcess() {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

test('the lock file holds our pid and is removed on release', () => {
  const dir = freshDataDir();
  const lock = acquireDataDirLock(dir);
  assert.is(readFileSync(join(dir, 'docsy.lock'), 'utf8').trim(), String(process.pid));
  lock.release();
  lock.release();
  assert.not.ok(existsSync(join(dir, 'docsy.lock')));
});

test('a lock held by a live process is refused with its pid', () => {
  const dir = freshDataDir();
  const other = otherProcess();
  try {
    writeFileSync(join(dir, 'docsy.lock'), `${other.pid}\n`);
    assert.throws(
      () => acquireDataDirLock(dir),
      (error: Error) =>
        error instanceof StartupError &&
        error.message === `data directory ${dir} is in use by another Docsy process (pid ${other.pid})`,
    );
    assert.ok(existsSync(join(dir, 'docsy.lock')), 'the other process keeps its lock');
  } finally {
    other.kill();
  }
});

test('a lock left by a process that died is taken over', async () => {
  const dir = freshDataDir();
  const other = otherProcess();
  await new Promise((resolve) => other.on('spawn', resolve));
  other.kill('SIGKILL');
  await new Promise((resolve) => other.on('exit', resolve));
  writeFileSync(join(dir, 'docsy.lock'), `${other.pid}\n`);
  const lock = acquireDataDirLock(dir);
  assert.is(readFileSync(join(dir, 'docsy.lock'), 'utf8').trim(), String(process.pid));
  lock.release();
});

test('a lock file with garbage in it is taken over', () => {
  const dir = freshDataDir();
  writeFileSync(join(dir, 'docsy.lock'), 'not a pid');
  acquireDataDirLock(dir).release();
});

test.run();
