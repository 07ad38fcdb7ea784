// Property: malformed bodies, params, query strings and headers, sent to every route in /docs/json by every
// kind of caller, never give a 5xx, never append an event, and always answer problem+json naming the fields.
// Runs per route: FUZZ_RUNS (default 40 under CI=true, 300 locally); seed FUZZ_SEED (default fixed).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testApp, type TestApp } from '../support/app.js';
import { school, type School } from '../support/fixtures.js';
import { needsSession } from '../../api/authHooks.js';

type Schema = {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  default?: unknown;
};
type Param = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema };
type Operation = { parameters?: Param[]; requestBody?: { content: Record<string, { schema: Schema }> } };
type Route = { method: string; path: string; op: Operation };

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI === 'true' ? 40 : 300));
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

/** A plausible value for a schema (not always valid: the mutation, not this, is what must be rejected). */
function example(s: Schema): unknown {
  if (s.default !== undefined && s.default !== null) return s.default;
  if (s.enum) return s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options) return example(options.find((o) => o.type !== 'null') ?? options[0]!);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, example(s.properties?.[k] ?? {})]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items ?? {}));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date-time') return '2027-03-01T10:00:00Z';
      if (s.format === 'email') return 'fuzz@example.com';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return null;
  }
}

/** The JSON types a schema accepts, or null when it accepts anything we cannot tell. */
function acceptedTypes(s: Schema): Set<string> | null {
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const all = options.map(acceptedTypes);
    return all.includes(null) ? null : new Set(all.flatMap((t) => [...t!]));
  }
  if (s.enum) {
    const types = new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)));
    // OpenAPI 3.0 writes a nullable enum as the enum plus `nullable: true`.
    if (s.nullable) types.add('null');
    return types;
  }
  if (!s.type) return null;
  const types = new Set(
    (Array.isArray(s.type) ? s.type : [s.type]).map((t) => (t === 'integer' ? 'number' : t)),
  );
  if (s.nullable) types.add('null');
  return types;
}

const jsonTypeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const anyJson = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
/** A JSON value of a type the schema does not accept. */
const wrongTypeFor = (s: Schema) => {
  const ok = acceptedTypes(s);
  return ok === null ? null : anyJson.filter((v) => !ok.has(jsonTypeOf(v)));
};
/** A string a string-typed parameter (uuid, date-time, enum, pattern, number) must refuse. */
function badParamFor(s: Schema) {
  const valid = (v: string) =>
    (!s.enum || s.enum.includes(v)) &&
    (!s.pattern || new RegExp(s.pattern).test(v)) &&
    (s.type !== 'integer' && s.type !== 'number' ? true : v.trim() !== '' && !Number.isNaN(Number(v)));
  if (!s.enum && !s.pattern && s.type !== 'integer' && s.type !== 'number') return null;
  return fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 60 }),
      fc.constant('../../etc/passwd'),
      fc.constant("1' OR '1'='1"),
    )
    .map((v) => `~${v}`)
    .filter((v) => !valid(v));
}

type Attack = {
  url: string;
  body?: string;
  contentType?: string;
  field: string | null;
  expect: number[];
  /** Other parameters whose generated value may itself be refused (a custom check the schema cannot show). */
  uncertain?: string[];
};

function attacks(route: Route): fc.Arbitrary<Attack> | null {
  const params = route.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const query = params.filter((p) => p.in === 'query');
  const bodySchema = route.op.requestBody?.content['application/json']?.schema;
  const uncertain = params
    .filter(
      (p) => p.in !== 'header' && !p.schema.enum && !['uuid', 'date-time'].includes(p.schema.format ?? ''),
    )
    .map((p) => p.name);
  const build = (pathOverride: Record<string, string> = {}, queryOverride: Record<string, string> = {}) => {
    let url = route.path;
    for (const p of pathParams)
      url = url.replace(`{${p.name}}`, pathOverride[p.name] ?? String(example(p.schema)));
    const q = new URLSearchParams();
    for (const p of query) if (p.required) q.set(p.name, String(example(p.schema)));
    for (const [k, v] of Object.entries(queryOverride)) q.set(k, v);
    return q.size > 0 ? `${url}?${q}` : url;
  };
  const validBody = bodySchema ? JSON.stringify(example(bodySchema)) : undefined;
  const options: fc.Arbitrary<Attack>[] = [];
  for (const p of pathParams) {
    const bad = badParamFor(p.schema);
    if (bad)
      options.push(
        bad.map((v) => ({
          url: build({ [p.name]: encodeURIComponent(v) }),
          body: validBody,
          field: p.name,
          expect: [400],
        })),
      );
  }
  for (const p of query) {
    const bad = badParamFor(p.schema);
    if (bad)
      options.push(
        bad.map((v) => ({ url: build({}, { [p.name]: v }), body: validBody, field: p.name, expect: [400] })),
      );
  }
  if (bodySchema) {
    const base = example(bodySchema) as Record<string, unknown>;
    const url = build();
    const whole = wrongTypeFor(bodySchema);
    if (whole) options.push(whole.map((v) => ({ url, body: JSON.stringify(v), field: null, expect: [400] })));
    for (const [key, prop] of Object.entries(bodySchema.properties ?? {})) {
      const bad = wrongTypeFor(prop);
      if (bad)
        options.push(
          bad.map((v) => ({ url, body: JSON.stringify({ ...base, [key]: v }), field: key, expect: [400] })),
        );
    }
    for (const key of bodySchema.required ?? []) {
      const { [key]: _gone, ...rest } = base;
      options.push(fc.constant({ url, body: JSON.stringify(rest), field: key, expect: [400] }));
    }
    options.push(
      fc.string({ maxLength: 30 }).map((s) => ({ url, body: `{"a":${s}`, field: null, expect: [400] })),
      fc.constant({ url, body: JSON.stringify({ x: 'y'.repeat(1_100_000) }), field: null, expect: [413] }),
      // Prototype poisoning: refused as a whole by the JSON parser.
      fc.constant({
        url,
        body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
        field: null,
        expect: [400],
      }),
      fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
        )
        .map((contentType) => ({ url, body: 'a=1&b=2', contentType, field: null, expect: [400, 415] })),
    );
  }
  return options.length > 0 ? fc.oneof(...options).map((a) => ({ ...a, uncertain })) : null;
}

const headerNoise = fc.record(
  {
    'if-match': fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constant('"-1"'),
      fc.constant('W/"999999999999999999999"'),
    ),
    'idempotency-key': fc.string({ maxLength: 250 }),
    'x-correlation-id': fc.string({ maxLength: 300 }),
    'accept-language': fc.string({ maxLength: 30 }),
  },
  { requiredKeys: [] },
);
const callers = ['admin', 'teacher', 'student', 'anonymous', 'garbage cookie'] as const;
const SIGN_OUT = new Set(['/api/auth/logout', '/api/auth/logout-everywhere']);

const test = suite<{ t: TestApp; s: School; routes: Route[] }>('fuzzing every route');
test.before(async (ctx) => {
  ctx.t = (await testApp())!;
  // uvu reports a failing hook only as "0 passed": say why.
  ctx.s = await school(ctx.t).catch((e) => {
    console.error('the fuzz fixture could not be built:', e);
    throw e;
  });
  const doc = (await ctx.t.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  ctx.routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
test.after(async ({ t }) => t.close());

test('malformed input: never a 5xx, never an event, always problem+json naming the failing fields', async ({
  t,
  s,
  routes,
}) => {
  const cookieOf = (c: (typeof callers)[number], garbage: string) =>
    c === 'admin'
      ? s.admin.cookie
      : c === 'teacher'
        ? s.teacher.cookie
        : c === 'student'
          ? s.students[0]!.cookie
          : c === 'anonymous'
            ? ''
            : `lectern_session=${garbage}`;
  let requests = 0;
  const started = performance.now();
  for (const route of routes) {
    const attack = attacks(route);
    const kinds =
      attack ??
      fc.record({ url: fc.constant(route.path), field: fc.constant(null), expect: fc.constant([]) });
    await fc.assert(
      fc.asyncProperty(
        kinds,
        // Signing out would end the fixture's sessions for every later route: those go without one.
        SIGN_OUT.has(route.path)
          ? fc.constantFrom('anonymous', 'garbage cookie')
          : fc.constantFrom(...callers),
        fc.string({ maxLength: 60 }),
        headerNoise,
        async (a, caller, garbage, noise) => {
          const before = await t.countEvents();
          const cookie = cookieOf(caller, encodeURIComponent(garbage));
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: (a as Attack).url,
            payload: (a as Attack).body,
            headers: {
              ...noise,
              ...(cookie ? { cookie } : {}),
              ...((a as Attack).body !== undefined
                ? { 'content-type': (a as Attack).contentType ?? 'application/json' }
                : {}),
            },
          });
          requests++;
          const where = `${route.method} ${(a as Attack).url.slice(0, 200)} as ${caller}`;
          assert.ok(res.statusCode < 500, `${where}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          assert.is(await t.countEvents(), before, `${where}: appended an event`);
          if (res.statusCode >= 400)
            assert.match(String(res.headers['content-type']), /application\/problem\+json/, where);
          // Without a session, a route that needs one answers 401 before it looks at the input.
          if (
            (caller === 'anonymous' || caller === 'garbage cookie') &&
            needsSession(route.method, route.path.replace(/\{(\w+)\}/g, ':$1'))
          ) {
            assert.is(res.statusCode, 401, `${where}: ${res.body.slice(0, 300)}`);
            return;
          }
          const expect = (a as Attack).expect;
          if (expect.length === 0) return;
          assert.ok(
            expect.includes(res.statusCode),
            `${where}: expected ${expect}, got ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
          const fields = (res.json() as { fields?: { path: string }[] }).fields ?? [];
          assert.ok(fields.length > 0, `${where}: no fields named: ${res.body.slice(0, 300)}`);
          const field = (a as Attack).field;
          if (field)
            assert.ok(
              fields.some((f) =>
                [field, ...((a as Attack).uncertain ?? [])].some((n) => f.path.split('.').includes(n)),
              ),
              `${where}: fields ${JSON.stringify(fields)} do not name ${field}`,
            );
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, includeErrorInReport: true },
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  fuzz: ${requests} requests over ${routes.length} routes in ${seconds.toFixed(1)} s (seed ${SEED}, ${RUNS} runs per route)`,
  );
  assert.ok(routes.length >= 20);
});

test.run();
