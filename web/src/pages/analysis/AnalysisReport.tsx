// The six sections of a lesson analysis report: performance summary, exercise breakdown (per exercise type,
// with the wrong gaps and the distractors chosen), strengths and weaknesses, essay feedback, lesson
// recommendations and the learning plan; and who wrote the prose. The headings are in the interface's language,
// the prose in the report's (lang on each piece of it).
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCompletionReasons } from './reasons';
import type { Report } from '../../../../contract/lessonAnalysis';

const TYPES = ['multipleChoice', 'gapFill', 'matching', 'wordOrder', 'trueFalse', 'essay'] as const;
const SKILLS = ['comprehension', 'grammar', 'vocabulary', 'sentenceStructure', 'reading', 'writing'] as const;
const RATINGS = ['excellent', 'good', 'fair', 'weak', 'ungraded'] as const;
const oneOf = <K extends string>(keys: readonly K[], value: string): value is K =>
  (keys as readonly string[]).includes(value);
const typeName = (t: TFunction<'completion'>, type: string) =>
  oneOf(TYPES, type) ? t(`analysis.report.exerciseType.${type}`) : type;
const skillName = (t: TFunction<'completion'>, skill: string) =>
  oneOf(SKILLS, skill) ? t(`analysis.report.skill.${skill}`) : skill;
const ratingName = (t: TFunction<'completion'>, rating: string) =>
  oneOf(RATINGS, rating) ? t(`analysis.report.rating.${rating}`) : rating;
const pct = (n: number | null) => (n === null ? '—' : `${n} %`);
const muted = { muted: <span className="muted" /> };

/** Each section's heading id stays the English one ("report-performance-summary") in every language. */
const SECTION_IDS = {
  performance: 'performance-summary',
  breakdown: 'exercise-breakdown',
  strengths: 'strengths-and-weaknesses',
  essays: 'essay-feedback',
  recommendations: 'lesson-recommendations',
  plan: 'learning-plan',
} as const;

function Section({ name, children }: { name: keyof typeof SECTION_IDS; children: React.ReactNode }) {
  const { t } = useTranslation('completion');
  const id = `report-${SECTION_IDS[name]}`;
  const title = t(`analysis.report.section.${name}`);
  return (
    <section className="report-section" aria-labelledby={id} data-testid="report-section">
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function AnalysisReport({ report, titles }: { report: Report; titles: Record<string, string> }) {
  const p = report.performanceSummary;
  const b = report.exerciseBreakdown;
  const e = report.essayFeedback;
  const plan = report.learningPlan;
  const { t } = useTranslation('completion');
  const reasons = useCompletionReasons();
  const fallback = reasons.modelFallback(report.engine.fallbackReason, report.engine.fallback);
  const lang = report.language;
  return (
    <div className="report">
      <p className="muted" data-testid="report-engine">
        {report.engine.prose === 'ai'
          ? t('analysis.report.engineAi', { model: report.engine.model ?? '' })
          : t('analysis.report.engineBuiltin')}
        {fallback && ` ${t('analysis.report.fallback', { reason: fallback })}`}
      </p>
      <Section name="performance">
        <p data-testid="report-summary-text" lang={lang}>
          {p.text}
        </p>
        <table className="table" aria-label={t('analysis.report.scoresPerLesson')}>
          <thead>
            <tr>
              <th scope="col">{t('analysis.report.lesson')}</th>
              <th scope="col">{t('analysis.report.status')}</th>
              <th scope="col" className="num">
                {t('analysis.report.score')}
              </th>
              <th scope="col" className="num">
                {t('analysis.report.handIns')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.lessons.map((l) => (
              <tr key={l.courseLessonId}>
                <td>{titles[l.courseLessonId] ?? l.title}</td>
                <td className="cap">{t(`homeworkStatus.${l.status}`)}</td>
                <td className="num">
                  {l.score} / {l.maxScore} ({pct(l.percent)})
                </td>
                <td className="num">{l.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section name="breakdown">
        <table className="table" aria-label={t('analysis.report.perType')}>
          <thead>
            <tr>
              <th scope="col">{t('analysis.report.type')}</th>
              <th scope="col" className="num">
                {t('analysis.report.correct')}
              </th>
              <th scope="col" className="num">
                {t('analysis.report.incorrect')}
              </th>
              <th scope="col" className="num">
                {t('analysis.report.pending')}
              </th>
              <th scope="col" className="num">
                {t('analysis.report.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {b.byType.map((row) => (
              <tr key={row.type} data-testid="breakdown-row" data-type={row.type}>
                <td>{typeName(t, row.type)}</td>
                <td className="num">{row.correct}</td>
                <td className="num">{row.incorrect}</td>
                <td className="num">{row.pending}</td>
                <td className="num">{pct(row.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {b.errorPatterns.gaps.length > 0 && (
          <>
            <h4>{t('analysis.report.gaps')}</h4>
            <ul className="plain-list">
              {b.errorPatterns.gaps.map((g, i) => (
                <li key={i}>
                  <Trans
                    t={t}
                    i18nKey="analysis.report.gap"
                    values={{ item: g.item, given: g.given, expected: g.expected, prompt: g.prompt }}
                    components={muted}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
        {b.errorPatterns.distractors.length > 0 && (
          <>
            <h4>{t('analysis.report.distractors')}</h4>
            <ul className="plain-list">
              {b.errorPatterns.distractors.map((d, i) => (
                <li key={i}>
                  <Trans
                    t={t}
                    i18nKey="analysis.report.distractor"
                    values={{ text: d.text, times: d.times, question: d.question }}
                    components={muted}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
        {b.errorPatterns.other.length > 0 && (
          <>
            <h4>{t('analysis.report.other')}</h4>
            <ul className="plain-list">
              {b.errorPatterns.other.map((o, i) => (
                <li key={i}>
                  {t('analysis.report.otherLine', {
                    type: typeName(t, o.type),
                    given: o.given,
                    expected: o.expected,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        <p lang={lang}>{b.text}</p>
      </Section>
      <Section name="strengths">
        <div className="grid-2">
          <div>
            <h4>{t('analysis.report.strengths')}</h4>
            {report.strengthsAndWeaknesses.strengths.length === 0 && (
              <p className="muted">{t('analysis.report.noneYet')}</p>
            )}
            <ul className="plain-list" lang={lang}>
              {report.strengthsAndWeaknesses.strengths.map((s) => (
                <li key={`${s.skill}-${s.type}`}>{s.text}</li>
              ))}
            </ul>
          </div>
          <div>
            <h4>{t('analysis.report.weaknesses')}</h4>
            {report.strengthsAndWeaknesses.weaknesses.length === 0 && (
              <p className="muted">{t('analysis.report.noneFound')}</p>
            )}
            <ul className="plain-list" lang={lang}>
              {report.strengthsAndWeaknesses.weaknesses.map((s) => (
                <li key={`${s.skill}-${s.type}`}>{s.text}</li>
              ))}
            </ul>
          </div>
        </div>
      </Section>
      <Section name="essays">
        {e === null ? (
          <p className="muted">{t('analysis.report.noEssays')}</p>
        ) : (
          <>
            <p lang={lang}>{e.text}</p>
            <ul className="plain-list">
              {e.essays.map((x) => (
                <li key={x.exerciseId}>
                  <strong>{x.prompt}</strong> · <span className="cap">{ratingName(t, x.rating)}</span> ·{' '}
                  {t('analysis.report.words', { count: x.wordCount })}
                  {x.points !== null
                    ? ` · ${t('analysis.report.points', { points: x.points, count: x.maxPoints })}`
                    : ''}
                  <div lang={lang}>{x.detail}</div>
                  {x.teacherComment && (
                    <div className="muted">{t('analysis.report.teacher', { comment: x.teacherComment })}</div>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section name="recommendations">
        {report.recommendations.length === 0 && <p className="muted">{t('analysis.report.noFurther')}</p>}
        <ul className="plain-list">
          {report.recommendations.map((r) => (
            <li key={`${r.kind}-${r.courseLessonId}`}>
              <strong>
                {r.position}. {titles[r.courseLessonId] ?? r.title}
              </strong>{' '}
              <span className="muted">
                {r.kind === 'next' ? t('analysis.report.kindNext') : t('analysis.report.kindReview')}
              </span>
              <div lang={lang}>{r.rationale}</div>
              {r.focusSkills.length > 0 && (
                <div className="muted">
                  {t('analysis.report.focus', {
                    skills: r.focusSkills.map((s) => skillName(t, s)).join(', '),
                  })}
                </div>
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section name="plan">
        <p lang={lang}>{plan.text}</p>
        {plan.focusAreas.length > 0 && (
          <>
            <h4>{t('analysis.report.immediateFocus')}</h4>
            <ul className="plain-list">
              {plan.focusAreas.map((f) => (
                <li key={f.skill}>
                  <strong>{skillName(t, f.skill)}</strong> ({pct(f.percent)}):{' '}
                  <span lang={lang}>{f.reason}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {plan.suggestedExercises.length > 0 && (
          <>
            <h4>{t('analysis.report.suggested')}</h4>
            <ul className="plain-list">
              {plan.suggestedExercises.map((x, i) => (
                <li key={i}>
                  {x.count} × {typeName(t, x.type)}: <span lang={lang}>{x.description}</span>
                  {x.items.length > 0 && (
                    <div className="muted">
                      {t('analysis.report.practise', { items: x.items.join(', ') })}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </div>
  );
}
