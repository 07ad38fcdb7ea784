// Schemas shared by several routes.
import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid() });
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    resource: z
      .string()
      .optional()
      .describe('404: what is missing, a stable code such as live_session or course'),
    reason: z
      .string()
      .optional()
      .describe('403: why, a stable code such as teacher_or_admin_only or role_required'),
    fields: z
      .array(
        z
          .object({ path: z.string(), message: z.string(), code: z.string().optional() })
          .passthrough()
          .describe(
            "400: a field's problem: the English message, and a stable code (zod's issue code such as too_big, " +
              'invalid_value, invalid_type, or our own such as between, range_reversed) with its parameters ' +
              '(minimum, maximum, origin, expected, format, values, ...)',
          ),
      )
      .optional(),
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
