// Reports (admins): attendance, teaching hours, tokens, no-shows, trainings and scores for a period, as charts
// with the numbers in tables and each report's CSV export from the API.
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLocale } from '../../i18n';
import { qs } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import { isoToZoned, zonedToIso } from '../../lib/time';
import { PageHeader } from '../../ui/Layout';
import { BarChart, color, type Series } from '../../ui/BarChart';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import type { ReportOf } from '../../../../contract/reports';

type Attendance = ReportOf<'attendance'>;
type Hours = ReportOf<'teaching-hours'>;
type Tokens = ReportOf<'tokens'>;
type NoShows = ReportOf<'no-shows'>;
type Trainings = ReportOf<'trainings'>;
type Scores = ReportOf<'scores'>;

const SKILLS = [
  'speaking',
  'listening',
  'reading',
  'writing',
  'grammar',
  'vocabulary',
  'engagement',
] as const;

const ROLES = ['admin', 'teacher', 'student'] as const;
type Role = (typeof ROLES)[number];

/** The role of whoever canceled, as people read it (an unknown one as it comes). */
const roleLabel = (t: TFunction<['admin', 'common']>, role: string) =>
  (ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}`, { ns: 'common' }) : role;

export default function Reports(_: { params: Record<string, string> }) {
  const { t } = useTranslation(['admin', 'common']);
  const locale = useLocale();
  const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const me = useMe();
  const today = isoToZoned(new Date().toISOString(), me.timeZone).slice(0, 10);
  const [from, setFrom] = useState(
    isoToZoned(new Date(Date.now() - 90 * 86_400_000).toISOString(), me.timeZone).slice(0, 10),
  );
  const [to, setTo] = useState(
    isoToZoned(new Date(Date.now() + 30 * 86_400_000).toISOString(), me.timeZone).slice(0, 10) || today,
  );
  const [groupBy, setGroupBy] = useState<'week' | 'month'>('week');
  const query = qs({
    from: zonedToIso(`${from}T00:00`, me.timeZone),
    to: zonedToIso(`${to}T23:59`, me.timeZone),
    groupBy,
    timeZone: me.timeZone,
  });
  const attendance = useApi<Attendance>(`/api/reports/attendance${query}`);
  const hours = useApi<Hours>(`/api/reports/teaching-hours${query}`);
  const tokens = useApi<Tokens>(`/api/reports/tokens${query}`);
  const noShows = useApi<NoShows>(`/api/reports/no-shows${query}`);
  const trainings = useApi<Trainings>(`/api/reports/trainings${query}`);
  const scores = useApi<Scores>(`/api/reports/scores${query}`);
  const csv = (name: string) => `/api/reports/${name}.csv${query}`;

  const hoursChart = useMemo(() => {
    const rows = hours.data?.rows ?? [];
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const teachers = [...new Map(rows.map((r) => [r.teacherId, r.name ?? r.teacherId])).entries()];
    const series: Series[] = teachers.map(([id, name], i) => ({
      label: name,
      color: color(i),
      values: periods.map((p) =>
        rows.filter((r) => r.period === p && r.teacherId === id).reduce((n, r) => n + r.heldHours, 0),
      ),
    }));
    return { periods, series };
  }, [hours.data]);

  return (
    <section>
      <PageHeader title={t('reports.title')}>
        {groupBy === 'week'
          ? t('reports.groupedByWeek', { timeZone: me.timeZone })
          : t('reports.groupedByMonth', { timeZone: me.timeZone })}
      </PageHeader>
      <div className="toolbar">
        <label className="field">
          <span>{t('reports.from')}</span>
          <input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('reports.to')}</span>
          <input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('reports.groupBy')}</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as 'week' | 'month')}>
            <option value="week">{t('reports.week')}</option>
            <option value="month">{t('reports.month')}</option>
          </select>
        </label>
      </div>

      <Section
        loading={attendance.loading}
        error={attendance.error}
        empty={!attendance.data?.rows.length}
        loadingLabel={t('reports.attendance.loading')}
        emptyTitle={t('reports.attendance.empty')}
      >
        {attendance.data && (
          <BarChart
            title={t('reports.attendance.title')}
            stacked
            csvHref={csv('attendance')}
            labels={attendance.data.rows.map((r) => r.period)}
            series={[
              {
                label: t('reports.attendance.present'),
                color: color(1),
                values: attendance.data.rows.map((r) => r.present),
              },
              {
                label: t('reports.attendance.late'),
                color: color(3),
                values: attendance.data.rows.map((r) => r.late),
              },
              {
                label: t('reports.attendance.absent'),
                color: color(2),
                values: attendance.data.rows.map((r) => r.absent),
              },
            ]}
          />
        )}
      </Section>
      <Section
        loading={hours.loading}
        error={hours.error}
        empty={!hoursChart.periods.length}
        loadingLabel={t('reports.hours.loading')}
        emptyTitle={t('reports.hours.empty')}
      >
        <BarChart
          title={t('reports.hours.title')}
          stacked
          csvHref={csv('teaching-hours')}
          labels={hoursChart.periods}
          series={hoursChart.series}
        />
      </Section>
      <Section
        loading={tokens.loading}
        error={tokens.error}
        empty={!tokens.data?.periods.length}
        loadingLabel={t('reports.tokens.loading')}
        emptyTitle={t('reports.tokens.empty')}
      >
        {tokens.data && (
          <BarChart
            title={t('reports.tokens.title')}
            csvHref={csv('tokens')}
            labels={tokens.data.periods.map((p) => p.period)}
            series={[
              {
                label: t('reports.tokens.credited'),
                color: color(1),
                values: tokens.data.periods.map((p) => p.credited),
              },
              {
                label: t('reports.tokens.debitedSessions'),
                color: color(0),
                values: tokens.data.periods.map((p) => p.debitedSessions),
              },
              {
                label: t('reports.tokens.debitedAnalysis'),
                color: color(4),
                values: tokens.data.periods.map((p) => p.debitedAnalysis),
              },
              {
                label: t('reports.tokens.debitedSummaries'),
                color: color(5),
                values: tokens.data.periods.map((p) => p.debitedSummaries),
              },
              {
                label: t('reports.tokens.reversed'),
                color: color(3),
                values: tokens.data.periods.map((p) => p.reversed),
              },
            ]}
          />
        )}
      </Section>
      <Section
        loading={trainings.loading}
        error={trainings.error}
        empty={!trainings.data?.sections.length}
        loadingLabel={t('reports.trainings.loading')}
        emptyTitle={t('reports.trainings.empty')}
      >
        {trainings.data && (
          <BarChart
            title={t('reports.trainings.title')}
            csvHref={csv('trainings')}
            labels={trainings.data.sections.map((s) => `${s.training}: ${s.section}`)}
            series={[
              {
                label: t('reports.trainings.registered'),
                color: color(0),
                values: trainings.data.sections.map((s) => s.registered),
              },
              {
                label: t('reports.trainings.waitlisted'),
                color: color(3),
                values: trainings.data.sections.map((s) => s.waitlisted),
              },
              {
                label: t('reports.trainings.completed'),
                color: color(1),
                values: trainings.data.sections.map((s) => s.completed),
              },
            ]}
          />
        )}
      </Section>
      <div className="grid-2">
        <div className="card">
          <div className="card-head">
            <h2>{t('reports.noShows.title')}</h2>
            <a className="btn btn-small" href={csv('no-shows')} download>
              {t('reports.exportCsv')}
            </a>
          </div>
          <ErrorBox error={noShows.error} />
          {noShows.data && noShows.data.noShows.length + noShows.data.cancellations.length === 0 && (
            <p className="muted">{t('reports.noShows.none')}</p>
          )}
          <ul className="plain-list">
            {noShows.data?.noShows.map((n) => (
              <li key={`${n.period}-${n.studentId}`}>
                {t('reports.noShows.missed', { period: n.period, name: n.name ?? '', count: n.absences })}
              </li>
            ))}
            {noShows.data?.cancellations.map((c, i) => (
              <li key={`c${i}`}>
                {c.name !== null || c.role !== null
                  ? t('reports.noShows.canceledBy', {
                      period: c.period,
                      count: c.canceled,
                      who: c.name ?? roleLabel(t, c.role!),
                      late: c.within24Hours,
                    })
                  : t('reports.noShows.canceledBySomeone', {
                      period: c.period,
                      count: c.canceled,
                      late: c.within24Hours,
                    })}
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <div className="card-head">
            <h2>{t('reports.scores.title')}</h2>
            <a className="btn btn-small" href={csv('scores')} download>
              {t('reports.exportCsv')}
            </a>
          </div>
          <ErrorBox error={scores.error} />
          {scores.data && scores.data.byCourse.length === 0 && (
            <p className="muted">{t('reports.scores.none')}</p>
          )}
          {scores.data && scores.data.byCourse.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.scores.course')}</th>
                  {SKILLS.map((k) => (
                    <th scope="col" key={k} className="num cap">
                      {t(`scoreSkill.${k}`, { ns: 'common' })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {scores.data.byCourse.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    {SKILLS.map((k) => (
                      <td key={k} className="num">
                        {score.format(Number(c[k]))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}

function Section({
  loading,
  error,
  empty,
  loadingLabel,
  emptyTitle,
  children,
}: {
  loading: boolean;
  error: ReturnType<typeof useApi>['error'];
  empty: boolean;
  loadingLabel: string;
  emptyTitle: string;
  children: ReactNode;
}) {
  if (loading) return <Loading label={loadingLabel} />;
  if (error) return <ErrorBox error={error} />;
  if (empty) return <Empty title={emptyTitle} />;
  return <>{children}</>;
}
