// The signed-in person's own language (Preferences) chooses the interface's language.
import { useEffect } from 'react';
import { api } from '../lib/api';
import type { SummaryPreferences } from '../../../contract/sessionSummary';
import { switchToLanguage } from './languages';

/** Reads the person's language once they are known and switches the interface to it. */
export function usePersonLanguage(personId: string | null | undefined) {
  useEffect(() => {
    if (!personId) return;
    let current = true;
    api.get<SummaryPreferences>('/api/people/me/preferences').then(
      (prefs) => current && void switchToLanguage(prefs.language),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [personId]);
}
