import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listeningUrl, startServerProcess, type ServerProcess } from '../support/server-process.js';

const dataDir = join(mkdtempSync(join(tmpdir(), 'docsy-e2e-')), 'data');
const running: ServerProcess[] = [];
test.after(() => running.forEach((server) => server.child.kill('SIGKILL')));

function start(env: Record<string, string>): ServerProcess {
  const server = startServerProcess({ PORT: '0', ...env });
  running.push(server);
  return server;
}

async function health(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/api/health`);
  assert.is(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

test('a second server on the same data directory is refused with one clear line', async () => {
  const first = start({ DATA_DIR: dataDir });
  const url = await listeningUrl(first, 60_000);
  assert.match(first.output(), `(embedded database at ${dataDir})`);
  assert.is((await health(url)).engine, 'pglite');

  const second = start({ DATA_DIR: dataDir });
  assert.is(await second.exited, 1);
  assert.is(
    second.output(),
    `docsy: data directory ${dataDir} is in use by another Docsy process (pid ${first.child.pid})\n`,
  );

  first.child.kill('SIGTERM');
  assert.is(await first.exited, 0, 'SIGTERM closes cleanly');
  assert.not.ok(existsSync(join(dataDir, 'docsy.lock')), 'the lock is released');
});

// How fast a restart is healthy is a figure of `npm run bench` (SPEC §8), not an assertion here.
test('a restart on the existing data directory is healthy and keeps the JWT secret file', async () => {
  const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8');
  const server = start({ DATA_DIR: dataDir });
  const url = await listeningUrl(server);
  await health(url);
  assert.is(readFileSync(join(dataDir, 'jwt-secret'), 'utf8'), secret, 'the same secret: sessions survive a restart');
  server.child.kill('SIGINT');
  assert.is(await server.exited, 0, 'SIGINT closes cleanly');
});

test('a bad setting stops the server with one line and exit code 1', async () => {
  const server = start({ DATA_DIR: dataDir, PORT: 'abc' });
  assert.is(await server.exited, 1);
  assert.is(server.output(), 'docsy: invalid configuration: PORT must be an integer between 0 and 65535 (got "abc")\n');
});

test('DATABASE_URL without JWT_SECRET is refused', async () => {
  const server = start({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/postgres' });
  assert.is(await server.exited, 1);
  assert.match(
    server.output(),
    /^docsy: invalid configuration: JWT_SECRET is required when DATABASE_URL is set[^\n]*\n$/,
  );
});

test('with DATABASE_URL the server runs on Postgres', async () => {
  const databaseUrl = process.env.DOCSY_TEST_DATABASE_URL;
  assert.ok(databaseUrl, 'DOCSY_TEST_DATABASE_URL is set by the test runner');
  const server = start({ DATABASE_URL: databaseUrl, JWT_SECRET: 'e2e-secret-that-is-long-enough-1234567890' });
  const url = await listeningUrl(server);
  assert.match(server.output(), '(Postgres at ');
  assert.is((await health(url)).engine, 'postgres');
  server.child.kill('SIGTERM');
  assert.is(await server.exited, 0);
});

test.run();
