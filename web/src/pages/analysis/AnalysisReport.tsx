// The six sections of a lesson analysis report: performance summary, exercise breakdown (per exercise type,
// with the wrong gaps and the distractors chosen), strengths and weaknesses, essay feedback, lesson
// recommendations and the learning plan; and who wrote the prose.
import type { Report } from '../../../../contract/lessonAnalysis';

const TYPE: Record<string, string> = {
  multipleChoice: 'Multiple choice',
  gapFill: 'Gap fill',
  matching: 'Matching',
  wordOrder: 'Word order',
  trueFalse: 'True / false',
  essay: 'Essay',
};
const SKILL: Record<string, string> = {
  comprehension: 'Comprehension',
  grammar: 'Grammar',
  vocabulary: 'Vocabulary',
  sentenceStructure: 'Sentence structure',
  reading: 'Reading',
  writing: 'Writing',
};
const pct = (n: number | null) => (n === null ? '—' : `${n} %`);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `report-${title.replace(/\W+/g, '-').toLowerCase()}`;
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
  return (
    <div className="report" lang={report.language}>
      <p className="muted" data-testid="report-engine">
        {report.engine.prose === 'ai'
          ? `Text written by the language model ${report.engine.model ?? ''}; every figure counted by Lectern.`
          : 'Text and figures from Lectern’s built-in analysis.'}
        {report.engine.fallback && ` The language model was not used: ${report.engine.fallback}.`}
      </p>
      <Section title="Performance summary">
        <p data-testid="report-summary-text">{p.text}</p>
        <table className="table" aria-label="Scores per lesson">
          <thead>
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                Hand-ins
              </th>
            </tr>
          </thead>
          <tbody>
            {p.lessons.map((l) => (
              <tr key={l.courseLessonId}>
                <td>{titles[l.courseLessonId] ?? l.title}</td>
                <td className="cap">{l.status}</td>
                <td className="num">
                  {l.score} / {l.maxScore} ({pct(l.percent)})
                </td>
                <td className="num">{l.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Exercise breakdown">
        <table className="table" aria-label="Answers per exercise type">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Correct
              </th>
              <th scope="col" className="num">
                Incorrect
              </th>
              <th scope="col" className="num">
                Pending
              </th>
              <th scope="col" className="num">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {b.byType.map((t) => (
              <tr key={t.type} data-testid="breakdown-row" data-type={t.type}>
                <td>{TYPE[t.type] ?? t.type}</td>
                <td className="num">{t.correct}</td>
                <td className="num">{t.incorrect}</td>
                <td className="num">{t.pending}</td>
                <td className="num">{pct(t.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {b.errorPatterns.gaps.length > 0 && (
          <>
            <h4>Gaps answered wrongly</h4>
            <ul className="plain-list">
              {b.errorPatterns.gaps.map((g, i) => (
                <li key={i}>
                  Gap {g.item}: “{g.given}” instead of “{g.expected}”{' '}
                  <span className="muted">({g.prompt})</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {b.errorPatterns.distractors.length > 0 && (
          <>
            <h4>Distractors chosen</h4>
            <ul className="plain-list">
              {b.errorPatterns.distractors.map((d, i) => (
                <li key={i}>
                  “{d.text}” ({d.times}×) <span className="muted">for {d.question}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {b.errorPatterns.other.length > 0 && (
          <>
            <h4>Other mistakes</h4>
            <ul className="plain-list">
              {b.errorPatterns.other.map((o, i) => (
                <li key={i}>
                  {TYPE[o.type] ?? o.type}: “{o.given}” instead of “{o.expected}”
                </li>
              ))}
            </ul>
          </>
        )}
        <p>{b.text}</p>
      </Section>
      <Section title="Strengths and weaknesses">
        <div className="grid-2">
          <div>
            <h4>Strengths</h4>
            {report.strengthsAndWeaknesses.strengths.length === 0 && <p className="muted">None yet.</p>}
            <ul className="plain-list">
              {report.strengthsAndWeaknesses.strengths.map((s) => (
                <li key={`${s.skill}-${s.type}`}>{s.text}</li>
              ))}
            </ul>
          </div>
          <div>
            <h4>Weaknesses</h4>
            {report.strengthsAndWeaknesses.weaknesses.length === 0 && <p className="muted">None found.</p>}
            <ul className="plain-list">
              {report.strengthsAndWeaknesses.weaknesses.map((s) => (
                <li key={`${s.skill}-${s.type}`}>{s.text}</li>
              ))}
            </ul>
          </div>
        </div>
      </Section>
      <Section title="Essay feedback">
        {e === null ? (
          <p className="muted">These lessons had no essays.</p>
        ) : (
          <>
            <p>{e.text}</p>
            <ul className="plain-list">
              {e.essays.map((x) => (
                <li key={x.exerciseId}>
                  <strong>{x.prompt}</strong> · <span className="cap">{x.rating}</span> · {x.wordCount} words
                  {x.points !== null ? ` · ${x.points} / ${x.maxPoints} points` : ''}
                  <div>{x.detail}</div>
                  {x.teacherComment && <div className="muted">Teacher: {x.teacherComment}</div>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section title="Lesson recommendations">
        {report.recommendations.length === 0 && <p className="muted">No further lessons in the course.</p>}
        <ul className="plain-list">
          {report.recommendations.map((r) => (
            <li key={`${r.kind}-${r.courseLessonId}`}>
              <strong>
                {r.position}. {titles[r.courseLessonId] ?? r.title}
              </strong>{' '}
              <span className="muted">({r.kind === 'next' ? 'next' : 'to review'})</span>
              <div>{r.rationale}</div>
              {r.focusSkills.length > 0 && (
                <div className="muted">Focus: {r.focusSkills.map((s) => SKILL[s] ?? s).join(', ')}</div>
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Learning plan">
        <p>{plan.text}</p>
        {plan.focusAreas.length > 0 && (
          <>
            <h4>Immediate focus</h4>
            <ul className="plain-list">
              {plan.focusAreas.map((f) => (
                <li key={f.skill}>
                  <strong>{SKILL[f.skill] ?? f.skill}</strong> ({pct(f.percent)}): {f.reason}
                </li>
              ))}
            </ul>
          </>
        )}
        {plan.suggestedExercises.length > 0 && (
          <>
            <h4>Suggested exercises</h4>
            <ul className="plain-list">
              {plan.suggestedExercises.map((x, i) => (
                <li key={i}>
                  {x.count} × {TYPE[x.type] ?? x.type}: {x.description}
                  {x.items.length > 0 && <div className="muted">Practise: {x.items.join(', ')}</div>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </div>
  );
}
