// Reports (admins): live sessions per week by status, students' token balances and training seats, as charts
// with CSV export. Computed from the schedule, wallet and training APIs.
import { useMemo } from 'react';
import { useMe } from '../../lib/auth';
import { useApi } from '../../lib/useApi';
import { isoToZoned } from '../../lib/time';
import type { ScheduleEntry } from '../../lib/types';
import { PageHeader } from '../../ui/Layout';
import { BarChart, color } from '../../ui/BarChart';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';
import type { Training } from '../trainings/types';

const WEEK = 7 * 86_400_000;
type WalletSummary = { walletId: string; owner: string; ownerName: string | null; balance: number };

/** Monday 00:00 UTC of the week `offset` weeks from this one. */
function weekStart(offset: number) {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + offset * 7);
  return d;
}

export default function Reports(_: { params: Record<string, string> }) {
  const me = useMe();
  const from = useMemo(() => weekStart(-7), []);
  const to = useMemo(() => new Date(weekStart(5).getTime()), []);
  const schedule = useApi<{ sessions: ScheduleEntry[] }>(
    `/api/schedule?from=${from.toISOString()}&to=${to.toISOString()}`,
  );
  const wallets = useApi<WalletSummary[]>('/api/wallets');
  const trainings = useApi<Training[]>('/api/trainings');

  const sessions = useMemo(() => {
    const weeks = Array.from({ length: 12 }, (_, i) => new Date(from.getTime() + i * WEEK));
    const labels = weeks.map((w) => `week of ${isoToZoned(w.toISOString(), me.timeZone).slice(0, 10)}`);
    const statuses = [...new Set((schedule.data?.sessions ?? []).map((s) => s.status))].sort();
    const series = statuses.map((status, i) => ({
      label: status,
      color: color(i),
      values: weeks.map(
        (w) =>
          (schedule.data?.sessions ?? []).filter(
            (s) =>
              s.status === status &&
              new Date(s.start) >= w &&
              new Date(s.start).getTime() < w.getTime() + WEEK,
          ).length,
      ),
    }));
    return { labels, series };
  }, [schedule.data, from, me.timeZone]);

  const balances = useMemo(() => {
    const students = (wallets.data ?? []).filter((w) => w.owner === 'student');
    return {
      labels: students.map((w) => w.ownerName ?? w.walletId),
      series: [{ label: 'tokens', color: color(0), values: students.map((w) => w.balance) }],
    };
  }, [wallets.data]);

  const seats = useMemo(() => {
    const sections = (trainings.data ?? []).flatMap((t) =>
      t.sections.map((s) => ({ label: `${t.name}: ${s.name}`, s })),
    );
    return {
      labels: sections.map((x) => x.label),
      series: [
        { label: 'seats taken', color: color(0), values: sections.map((x) => x.s.seatsTaken) },
        { label: 'seats left', color: color(1), values: sections.map((x) => x.s.seatsLeft) },
        { label: 'waitlisted', color: color(3), values: sections.map((x) => x.s.waitlisted) },
      ],
    };
  }, [trainings.data]);

  return (
    <section>
      <PageHeader title="Reports">
        The last 8 weeks and the next 4, balances now, and training seats.
      </PageHeader>
      <ErrorBox error={schedule.error} onRetry={schedule.reload} />
      {schedule.loading ? (
        <Loading />
      ) : (
        schedule.data && (
          <BarChart
            title="Live sessions per week"
            labels={sessions.labels}
            series={sessions.series}
            stacked
          />
        )
      )}
      <ErrorBox error={wallets.error} />
      {wallets.data &&
        (balances.labels.length ? (
          <BarChart title="Student token balances" labels={balances.labels} series={balances.series} />
        ) : (
          <Empty title="No student wallets yet." />
        ))}
      <ErrorBox error={trainings.error} />
      {trainings.data &&
        (seats.labels.length ? (
          <BarChart title="Training seats" labels={seats.labels} series={seats.series} stacked />
        ) : (
          <Empty title="No training sections yet." />
        ))}
    </section>
  );
}
