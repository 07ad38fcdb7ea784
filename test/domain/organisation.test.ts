// The organisation's overdraft setting as a decider: the first setting is always recorded, a change is recorded,
// the same value again is not.
import { test } from 'uvu';
import { spec } from '../support/decider.js';
import { organisationDecider, type OrganisationEvent } from '../../domain/organisation/organisation.js';

const orgId = 'org-1';
const at = '2026-12-01T09:00:00.000Z';
const set = (allowOverdraft: boolean): OrganisationEvent => ({
  type: 'OrganisationOverdraftSet',
  data: { orgId, allowOverdraft, at },
});
const command = (allowOverdraft: boolean) =>
  ({ type: 'SetOrganisationOverdraft', orgId, allowOverdraft, at }) as const;

test('a new stream records the first setting, even when it is off', () => {
  spec(organisationDecider)
    .given([])
    .when(command(false))
    .then([set(false)]);
});

test('a change is recorded', () => {
  spec(organisationDecider)
    .given([set(false)])
    .when(command(true))
    .then([set(true)]);
});

test('the same value again records nothing', () => {
  spec(organisationDecider)
    .given([set(false), set(true)])
    .when(command(true))
    .thenNothing();
});

test.run();
