// "Recurring classes" of a student group, on its card on the Groups page: each weekly rule with its course,
// teacher and upcoming classes; adding one, changing it from a class on ("this and following") and removing it
// after a confirmation that says how many classes it cancels (the enrollment page's dialogs, reused).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDayName } from '../enrollment/weekdays';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import type { GroupScheduleRule } from '../../../../contract/groupSchedule';
import { ErrorBox, Loading } from '../../ui/feedback';
import { ChangeRuleFrom } from '../enrollment/ChangeRuleFrom';
import { RemoveRule } from '../enrollment/RemoveRule';
import { sessionsAhead } from '../enrollment/ruleSessions';
import { AddGroupRule } from './AddGroupRule';

export function GroupRules({ groupId, groupName }: { groupId: string; groupName: string }) {
  const { t } = useTranslation('groupSchedule');
  const dayName = useDayName();
  const me = useMe();
  const url = `/api/groups/${groupId}/schedule-rules`;
  const rules = useApi<{ rules: GroupScheduleRule[] }>(url);
  const [adding, setAdding] = useState(false);
  const staff = me.role !== 'student';
  return (
    <section className="group-rules" aria-label={`${t('title')}: ${groupName}`}>
      <h3>{t('title')}</h3>
      <ErrorBox error={rules.error} onRetry={rules.reload} />
      {rules.loading && !rules.data && <Loading />}
      {rules.data?.rules.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="plain-list">
        {rules.data?.rules.map((rule) => {
          const summary = t('rule', {
            days: rule.weekdays.map(dayName).join(', '),
            time: rule.time,
            timeZone: rule.timeZone,
            minutes: rule.durationMinutes,
          });
          const ahead = sessionsAhead({ ...rule, enrollmentId: '' });
          const next = ahead[0];
          const mayChange = me.role === 'admin' || rule.teacherId === me.id;
          return (
            <li key={rule.id}>
              <div>
                <strong>{summary}</strong>
                <div className="muted">
                  {t('teaches', { course: rule.courseName ?? '', teacher: rule.teacherName ?? '' })}
                </div>
                <div>
                  {ahead.length === 0
                    ? t('noUpcoming')
                    : `${t('upcoming', { count: ahead.length })}. ${t('next', {
                        when: formatDateTime(next!.sessionStart ?? next!.start, me.timeZone),
                        count: rule.occurrences.find((o) => o.start === next!.start)?.participants ?? 0,
                      })}`}
                </div>
              </div>
              {staff && mayChange && (
                <div className="form-actions">
                  {/* The enrollment's dialogs read only the rule's terms and occurrences. */}
                  <ChangeRuleFrom
                    url={`${url}/${rule.id}`}
                    rule={{ ...rule, enrollmentId: '' }}
                    timeZone={me.timeZone}
                    onChanged={rules.reload}
                  />
                  <RemoveRule
                    url={`${url}/${rule.id}`}
                    summary={summary}
                    upcoming={ahead.length}
                    onRemoved={rules.reload}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {staff && (
        <>
          <p className="muted">{t('followsGroup')}</p>
          <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
            {t('add')}
          </button>
        </>
      )}
      {adding && (
        <AddGroupRule
          groupId={groupId}
          onClose={() => setAdding(false)}
          onDone={() => (setAdding(false), rules.reload())}
        />
      )}
    </section>
  );
}
