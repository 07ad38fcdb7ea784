// Reports (admins): attendance, teaching hours, tokens, no-shows, trainings and scores for a period, as charts
// with the numbers in tables and each report's CSV export from the API.
import { useMemo, useState, type ReactNode } from 'react';
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

export default function Reports(_: { params: Record<string, string> }) {
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
      <PageHeader title="Reports">
        Grouped by {groupBy}, in {me.timeZone}.
      </PageHeader>
      <div className="toolbar">
        <label className="field">
          <span>From</span>
          <input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        <label className="field">
          <span>Group by</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as 'week' | 'month')}>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </label>
      </div>

      <Section
        loading={attendance.loading}
        error={attendance.error}
        empty={!attendance.data?.rows.length}
        what="attendance"
      >
        {attendance.data && (
          <BarChart
            title="Attendance"
            stacked
            csvHref={csv('attendance')}
            labels={attendance.data.rows.map((r) => r.period)}
            series={[
              { label: 'present', color: color(1), values: attendance.data.rows.map((r) => r.present) },
              { label: 'late', color: color(3), values: attendance.data.rows.map((r) => r.late) },
              { label: 'absent', color: color(2), values: attendance.data.rows.map((r) => r.absent) },
            ]}
          />
        )}
      </Section>
      <Section
        loading={hours.loading}
        error={hours.error}
        empty={!hoursChart.periods.length}
        what="teaching hours"
      >
        <BarChart
          title="Teaching hours held"
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
        what="token movements"
      >
        {tokens.data && (
          <BarChart
            title="Tokens"
            csvHref={csv('tokens')}
            labels={tokens.data.periods.map((p) => p.period)}
            series={[
              { label: 'credited', color: color(1), values: tokens.data.periods.map((p) => p.credited) },
              {
                label: 'debited for sessions',
                color: color(0),
                values: tokens.data.periods.map((p) => p.debitedSessions),
              },
              {
                label: 'debited for analysis',
                color: color(4),
                values: tokens.data.periods.map((p) => p.debitedAnalysis),
              },
              {
                label: 'debited for summaries',
                color: color(5),
                values: tokens.data.periods.map((p) => p.debitedSummaries),
              },
              { label: 'reversed', color: color(3), values: tokens.data.periods.map((p) => p.reversed) },
            ]}
          />
        )}
      </Section>
      <Section
        loading={trainings.loading}
        error={trainings.error}
        empty={!trainings.data?.sections.length}
        what="training sections"
      >
        {trainings.data && (
          <BarChart
            title="Training sections"
            csvHref={csv('trainings')}
            labels={trainings.data.sections.map((s) => `${s.training}: ${s.section}`)}
            series={[
              {
                label: 'registered',
                color: color(0),
                values: trainings.data.sections.map((s) => s.registered),
              },
              {
                label: 'waitlisted',
                color: color(3),
                values: trainings.data.sections.map((s) => s.waitlisted),
              },
              {
                label: 'completed',
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
            <h2>No-shows and cancellations</h2>
            <a className="btn btn-small" href={csv('no-shows')} download>
              Export CSV
            </a>
          </div>
          <ErrorBox error={noShows.error} />
          {noShows.data && noShows.data.noShows.length + noShows.data.cancellations.length === 0 && (
            <p className="muted">None in this period.</p>
          )}
          <ul className="plain-list">
            {noShows.data?.noShows.map((n) => (
              <li key={`${n.period}-${n.studentId}`}>
                {n.period}: {n.name} missed {n.absences}
              </li>
            ))}
            {noShows.data?.cancellations.map((c, i) => (
              <li key={`c${i}`}>
                {c.period}: {c.canceled} canceled by {c.name ?? c.role ?? 'someone'} ({c.within24Hours} within
                24 hours)
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <div className="card-head">
            <h2>Average scores by course</h2>
            <a className="btn btn-small" href={csv('scores')} download>
              Export CSV
            </a>
          </div>
          <ErrorBox error={scores.error} />
          {scores.data && scores.data.byCourse.length === 0 && (
            <p className="muted">No scores in this period.</p>
          )}
          {scores.data && scores.data.byCourse.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Course</th>
                  {SKILLS.map((k) => (
                    <th scope="col" key={k} className="num cap">
                      {k}
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
                        {Number(c[k]).toFixed(1)}
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
  what,
  children,
}: {
  loading: boolean;
  error: ReturnType<typeof useApi>['error'];
  empty: boolean;
  what: string;
  children: ReactNode;
}) {
  if (loading) return <Loading label={`Loading ${what}…`} />;
  if (error) return <ErrorBox error={error} />;
  if (empty) return <Empty title={`No ${what} in this period.`} />;
  return <>{children}</>;
}
