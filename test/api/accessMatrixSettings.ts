// Access-matrix entries for the organisation's settings (api/routes/organisationSettings.ts). Format: see
// accessMatrix.entries.ts. The settings belong to the whole organisation, so there is no `other` or `foreign`.
import { adminOnly, per, type Entry } from './accessMatrix.format.js';

export function organisationSettingsEntries(): Record<string, Entry> {
  return {
    'GET /api/organisation/settings': {
      request: () => ({ url: '/api/organisation/settings' }),
      expect: { own: per(200, 200, 403, 401) },
      note: 'whether balances may go below zero: staff read it',
    },
    'PUT /api/organisation/settings': {
      // Off, as the matrix world's organisations were created: the other entries see no change.
      request: () => ({ url: '/api/organisation/settings', body: { allowOverdraft: false } }),
      expect: { own: adminOnly(200) },
    },
  };
}
