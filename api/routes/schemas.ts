// Schemas shared by several routes.
import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid() });
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
  })
  .passthrough();

export const Ok = z.object({ ok: z.literal(true) });

/** The error responses every authenticated route may give, for OpenAPI. */
export const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
};

export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 with an offset, e.g. 2026-11-23T16:00:00Z');
