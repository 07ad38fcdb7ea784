// Decider specifications: given(events).when(command).then(events) or .thenThrows(ErrorClass, code?).
import * as assert from 'uvu/assert';
import type { Decider } from '../../domain/shared/decider.js';
import { AppError, RuleViolation } from '../../domain/shared/errors.js';

export function spec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: E[]) {
              assert.equal(run(), expected);
            },
            thenNothing() {
              assert.equal(run(), []);
            },
            thenThrows(kind: abstract new (...args: never[]) => AppError, code?: string) {
              try {
                run();
              } catch (error) {
                assert.instance(error, kind);
                if (code) assert.is((error as RuleViolation).code, code);
                return;
              }
              assert.unreachable(`expected ${kind.name}${code ? ` (${code})` : ''}`);
            },
          };
        },
      };
    },
  };
}
