// Every error leaves as application/problem+json with a stable `type`. The one place errors are mapped.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, RateLimited, Unavailable, fieldProblemOf } from '../domain/shared/errors.js';

const STATUS: Record<AppError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  rule: 409,
  conflict: 409,
  precondition: 412,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

const TITLE: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  406: 'Not Acceptable',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extra: string]: unknown;
};

export function problem(
  status: number,
  type: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  // The problem's own members come last: a detail named like one of them (a mail's `status`) cannot replace it.
  return {
    ...extra,
    type: `https://lectern.dev/problems/${type}`,
    title: TITLE[status] ?? 'Error',
    status,
    detail,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json').send(p);
}

export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) {
    const status = STATUS[error.kind];
    const type = error.kind === 'rule' ? `rule/${(error.details as { code: string }).code}` : error.kind;
    return problem(status, type, error.message, error.details);
  }
  const e = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    // Each field with zod's issue code and its parameters, so a client can word it in the person's language.
    const fields = e.validation.map((v) =>
      fieldProblemOf(`${e.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`, {
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        message: v.message ?? 'is invalid',
      }),
    );
    return problem(
      400,
      'validation',
      `invalid ${e.validationContext ?? 'request'}: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
      { fields },
    );
  }
  if (e?.validation) {
    const fields = e.validation.map((v) => ({
      path: `${e.validationContext ?? 'body'}${v.instancePath ?? ''}`,
      message: v.message ?? 'is invalid',
    }));
    return problem(400, 'validation', e.message, { fields });
  }
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return problem(
      e.statusCode,
      e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large' : 'bad_request',
      e.message,
      {
        fields: [{ path: 'body', message: e.message }],
      },
    );
  }
  return problem(500, 'internal', 'something went wrong on our side; it has been logged');
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isResponseSerializationError(error))
    request.log.error({ err: error }, 'response did not match its schema');
  const p = toProblem(error);
  if (p.status >= 500 && !(error instanceof Unavailable))
    request.log.error({ err: error }, 'unhandled error');
  if (error instanceof RateLimited || error instanceof Unavailable)
    reply.header('retry-after', String(error.retryAfterSeconds));
  return sendProblem(reply, p);
}
