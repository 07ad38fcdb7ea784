// Assertions uvu lacks.
import * as assert from 'uvu/assert';
import type { LightMyRequestResponse } from 'fastify';

export async function rejects(fn: () => Promise<unknown>, accept: (error: unknown) => boolean = () => true) {
  try {
    await fn();
  } catch (error) {
    assert.ok(accept(error), `rejected with an unexpected error: ${String(error)}`);
    return error;
  }
  assert.unreachable('expected a rejection');
}

/** Asserts an HTTP status, showing the body when it differs. */
export function status(res: LightMyRequestResponse, expected: number) {
  assert.is(
    res.statusCode,
    expected,
    `expected ${expected}, got ${res.statusCode}: ${res.body.slice(0, 500)}`,
  );
}

/** Asserts a problem+json response with the given status (and type suffix). */
export function problem(res: LightMyRequestResponse, expected: number, type?: string) {
  status(res, expected);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  const body = res.json() as { type: string; detail: string };
  if (type) assert.ok(body.type.endsWith(type), `problem type ${body.type} should end with ${type}`);
  return body;
}
