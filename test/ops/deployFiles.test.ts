// The deployment files say what the tested topology does: the Dockerfile (not built here: no Docker engine) runs
// the compiled server as an unprivileged user with a readiness health check, compose.yaml has every service of
// the topology and only settings Lectern knows, the mounted configurations exist, and Caddy accepts its file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROJECT_ROOT } from '../../kernel/paths.js';
import { ConfigSchema } from '../../kernel/config.js';
import { skipNotice } from '../support/services.js';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');

test('the Dockerfile builds in one stage and runs the compiled server on Node 20 as a non-root user', () => {
  const lines = read('Dockerfile')
    .split('\n')
    .filter((l) => !l.startsWith('#'));
  const stages = lines.filter((l) => l.startsWith('FROM '));
  assert.is(stages.length, 2, 'a build stage and a run stage');
  for (const stage of stages) assert.match(stage, /^FROM node:20-/, 'Node 20 (the LTS the project supports)');
  const run = lines.slice(lines.indexOf(stages[1]!)).join('\n');
  assert.match(run, /^USER node$/m, 'the run stage drops root');
  assert.match(run, /^HEALTHCHECK .*\n?.*\/health\/ready/m, 'health from /health/ready');
  assert.match(run, /^CMD \["node", "dist\/scripts\/start\.js"\]$/m, 'the compiled server, no tsx');
  assert.match(run, /NODE_ENV=production/);
  assert.not.match(run, /npm ci|tsx|vite/, 'no dev tooling in the image that runs');
  const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  assert.match(
    pkg.scripts.build!,
    /tsc -p tsconfig\.build\.json/,
    'npm run build makes dist/ as the image expects',
  );
});

test('the image, the systemd unit and npm run start:prod cap the heap alike, and each can be told otherwise', () => {
  const cap = /--max-old-space-size=(\d+)/;
  const image = read('Dockerfile');
  const unit = read('deploy/systemd/lectern@.service');
  const script = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts[
    'start:prod'
  ]!;
  // Through NODE_OPTIONS in all three, so an operator's own NODE_OPTIONS (docker -e, a drop-in) replaces it.
  const sizes = [
    cap.exec(/^ENV [^]*?NODE_OPTIONS=(\S+)/m.exec(image)?.[1] ?? '')?.[1],
    cap.exec(/^Environment=NODE_OPTIONS=(\S+)$/m.exec(unit)?.[1] ?? '')?.[1],
    cap.exec(/NODE_OPTIONS=\$\{NODE_OPTIONS:-([^}]+)\}/.exec(script)?.[1] ?? '')?.[1],
  ];
  assert.ok(sizes[0], 'the image sets it');
  assert.equal(sizes, [sizes[0], sizes[0], sizes[0]], 'the same cap everywhere');
});

test('compose.yaml runs the tested topology and sets only settings Lectern knows', () => {
  const compose = read('compose.yaml');
  for (const service of ['lectern-1', 'lectern-2', 'postgres', 'nats', 'janus', 'coturn', 'caddy'])
    assert.match(compose, new RegExp(`^  ${service}:$`, 'm'), `service ${service}`);
  const lecternEnv = compose.slice(
    compose.indexOf('environment: &lectern-env'),
    compose.indexOf('services:'),
  );
  const keys = [...lecternEnv.matchAll(/^ {4}([A-Z_]+):/gm)].map((m) => m[1]!);
  assert.ok(keys.length >= 5, `settings found: ${keys.join(', ')}`);
  for (const key of [...keys, 'PORT'].filter((k) => k !== 'NODE_ENV'))
    assert.ok(key in ConfigSchema.shape, `${key} is a Lectern setting`);
  for (const mounted of [...compose.matchAll(/- \.\/(deploy\/[^:]+):/g)].map((m) => m[1]!))
    if (!mounted.endsWith('tls')) assert.ok(existsSync(join(PROJECT_ROOT, mounted)), `${mounted} exists`);
  assert.ok(existsSync(join(PROJECT_ROOT, 'deploy/docker/janus.Dockerfile')));
});

test('.env.example documents the TURN settings', () => {
  const example = read('.env.example');
  for (const key of ['TURN_URLS', 'TURN_SECRET', 'TURN_TTL_SECONDS'])
    assert.match(example, new RegExp(`^${key}=`, 'm'));
});

test('Caddy accepts deploy/caddy/Caddyfile', () => {
  const caddy = spawnSync(
    'caddy',
    ['validate', '--config', 'deploy/caddy/Caddyfile', '--adapter', 'caddyfile'],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );
  if (caddy.error) {
    skipNotice('deployFiles', 'no caddy to validate the Caddyfile with (apt-get install caddy)');
    return;
  }
  assert.is(caddy.status, 0, caddy.stderr);
});

test.run();
