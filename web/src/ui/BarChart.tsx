// A bar chart on Chart.js (loaded only with the pages that use it), with the same numbers as a table for
// screen readers and a CSV download.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useLocale } from '../i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export type Series = { label: string; values: number[]; color: string };
const PALETTE = ['#1f5fbf', '#17663a', '#a3231b', '#7a4d00', '#5b3fa3'];
export const color = (i: number) => PALETTE[i % PALETTE.length]!;

export function BarChart({
  title,
  labels,
  series,
  stacked,
  csvHref,
}: {
  title: string;
  labels: string[];
  series: Series[];
  stacked?: boolean;
  /** The server's CSV export of the same report; without it the chart's own numbers are downloaded. */
  csvHref?: string;
}) {
  const { t } = useTranslation('admin');
  const locale = useLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale,
        animation: false,
        scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, stacked, locale]);
  const csv = () => {
    const rows = [
      ['', ...series.map((s) => s.label)],
      ...labels.map((l, i) => [l, ...series.map((s) => String(s.values[i] ?? 0))]),
    ];
    const text = rows
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\n');
    return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
  };
  const file = `${title.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, '-')}.csv`;
  return (
    <figure className="card chart">
      <div className="card-head">
        <figcaption>
          <h2>{title}</h2>
        </figcaption>
        <a className="btn btn-small" href={csvHref ?? csv()} download={csvHref ? true : file}>
          {t('chart.exportCsv')}
        </a>
      </div>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={t('chart.label', { title })} />
      </div>
      <details>
        <summary>{t('chart.showNumbers')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col"> </th>
              {series.map((s) => (
                <th scope="col" key={s.label} className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={l}>
                <th scope="row">{l}</th>
                {series.map((s) => (
                  <td key={s.label} className="num">
                    {number.format(s.values[i] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
