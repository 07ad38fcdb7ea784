// The schedule: week, month and list views in the person's time zone; drag to reschedule; "Create Session".
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import type { EventDropArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';
import de from '@fullcalendar/core/locales/de';
import uk from '@fullcalendar/core/locales/uk';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { api, ApiError } from '../lib/api';
import { useMe } from '../lib/auth';
import { navigate, useSearchParam } from '../lib/router';
import { formatDateTime, isoToZoned } from '../lib/time';
import { sessionTitle, type ScheduleEntry } from '../lib/types';
import { intlTimeZonePlugin } from '../lib/fullcalendarTimeZone';
import { PageHeader } from '../ui/Layout';
import { ErrorBox } from '../ui/feedback';
import { CreateSession } from './CreateSession';

const VIEWS = ['timeGridWeek', 'dayGridMonth', 'listWeek'];
const LOCALES = [de, uk];
/** The calendar's own hints name the unit the buttons move by, and each view button its view. */
const unitOf = (unit: string) => (unit === 'month' ? 'month' : 'week');
const viewOf = (view: string) => (view === 'dayGridMonth' ? 'month' : view === 'listWeek' ? 'list' : 'week');

/** 07:00-21:00, widened to show every session of the range (in the person's time zone). */
function visibleHours(sessions: ScheduleEntry[], timeZone: string) {
  let min = 7;
  let max = 21;
  for (const s of sessions) {
    const start = Number(isoToZoned(s.start, timeZone).slice(11, 13));
    const end = isoToZoned(s.end, timeZone);
    const endHour = Number(end.slice(11, 13)) + (end.slice(14, 16) === '00' ? 0 : 1);
    min = Math.min(min, start);
    max = Math.max(max, endHour < start ? 24 : endHour);
  }
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00:00`;
  return { min: hh(min), max: hh(Math.min(24, max)) };
}

export default function Schedule() {
  const { t } = useTranslation('schedule');
  // FullCalendar's locale: 'de' or 'uk' ('uk-UA' would find 'uk' too); English keeps its default 'en'.
  const language = currentLocale().split('-')[0];
  const calendarLocale = language === 'de' || language === 'uk' ? language : 'en';
  const me = useMe();
  const canManage = me.role !== 'student';
  const calendar = useRef<FullCalendar>(null);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [count, setCount] = useState<number>();
  const initialView = useSearchParam('view');
  // A phone shows the week as a list (seven day columns do not fit), with the title under the calendar.
  const [phone] = useState(() => window.matchMedia('(max-width: 760px)').matches);
  const initialDate = useSearchParam('date');
  const [hours, setHours] = useState({ min: '07:00:00', max: '21:00:00' });
  const [creating, setCreating] = useState<{ start?: string } | null>(null);

  const events = useCallback(
    async (info: EventSourceFuncArg): Promise<EventInput[]> => {
      const { sessions } = await api.get<{ sessions: ScheduleEntry[] }>(
        `/api/schedule?from=${encodeURIComponent(info.start.toISOString())}&to=${encodeURIComponent(info.end.toISOString())}`,
      );
      setCount(sessions.length);
      setHours(visibleHours(sessions, me.timeZone));
      return sessions.map((s) => ({
        id: s.id,
        title: sessionTitle(s),
        start: s.start,
        end: s.end,
        url: `/platform/sessions/${s.id}`,
        classNames: [`session-${s.status}`, `session-${s.kind}`],
        editable: canManage && s.status === 'scheduled',
        extendedProps: { entry: s },
      }));
    },
    [canManage],
  );

  const move = async (arg: EventDropArg | EventResizeDoneArg) => {
    const entry = arg.event.extendedProps.entry as ScheduleEntry;
    const start = arg.event.start!;
    const end = arg.event.end ?? new Date(start.getTime() + entry.durationMinutes * 60_000);
    setError(undefined);
    try {
      await api.post(
        `/api/live-sessions/${entry.id}/reschedule`,
        {
          start: start.toISOString(),
          durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
          timeZone: me.timeZone,
        },
        { 'if-match': `"${entry.revision}"` },
      );
      setNotice(
        t('moved', { title: arg.event.title, when: formatDateTime(start.toISOString(), me.timeZone) }),
      );
    } catch (e) {
      arg.revert();
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
    calendar.current?.getApi().refetchEvents();
  };

  // FullCalendar's icons carry role="img" with no text, and the time grid's body claims to be a row group
  // without rows: fix both for screen readers whenever the calendar re-renders. (The calendar grows with its
  // content instead of scrolling inside itself, so keyboard users scroll the page as usual.)
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const fix = () => {
      el.querySelectorAll('.fc-icon[role="img"]').forEach((i) => i.setAttribute('aria-hidden', 'true'));
      // The time grid's body is a layout wrapper without rows: it is not a row group.
      el.querySelectorAll('.fc-scrollgrid [role="rowgroup"]').forEach((g) => {
        if (!g.querySelector('[role="row"]')) g.setAttribute('role', 'presentation');
      });
      // A month day is named by its number alone, while it shows its sessions too: its content names it.
      el.querySelectorAll('td.fc-daygrid-day[aria-labelledby]').forEach((d) =>
        d.removeAttribute('aria-labelledby'),
      );
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(el, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['role', 'aria-labelledby'],
    });
    return () => observer.disconnect();
  }, []);

  const plugins = useMemo(
    () => [intlTimeZonePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
    [],
  );

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title={t('title')}
        actions={
          canManage && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating({})}>
              {t('createSession')}
            </button>
          )
        }
      >
        {t(canManage ? 'introManage' : 'introView', { timeZone: me.timeZone })}
      </PageHeader>
      <ErrorBox error={error} />
      {notice && !error && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
      <div className="calendar-wrap" aria-busy={loading} ref={wrap}>
        <FullCalendar
          ref={calendar}
          plugins={plugins}
          timeZone={me.timeZone}
          initialView={VIEWS.includes(initialView ?? '') ? initialView! : phone ? 'listWeek' : 'timeGridWeek'}
          initialDate={initialDate ?? undefined}
          datesSet={(d) => {
            // Keep the view and date in the address, so a reload or a shared link shows the same week.
            const url = `/platform/schedule?view=${d.view.type}&date=${isoToZoned(d.view.currentStart.toISOString(), me.timeZone).slice(0, 10)}`;
            if (location.pathname + location.search !== url) history.replaceState(null, '', url);
          }}
          headerToolbar={
            phone
              ? { left: 'prev,next today', center: '', right: 'listWeek,dayGridMonth' }
              : { left: 'prev,next today', center: 'title', right: 'timeGridWeek,dayGridMonth,listWeek' }
          }
          footerToolbar={phone ? { center: 'title' } : undefined}
          locales={LOCALES}
          locale={calendarLocale}
          buttonText={{
            today: t('calendar.today'),
            week: t('calendar.week'),
            month: t('calendar.month'),
            list: t('calendar.list'),
          }}
          buttonHints={{
            prev: (_: string, unit: string) => t(`calendar.prev.${unitOf(unit)}`),
            next: (_: string, unit: string) => t(`calendar.next.${unitOf(unit)}`),
            today: (_: string, unit: string) => t(`calendar.thisPeriod.${unitOf(unit)}`),
          }}
          viewHint={(_: string, view: string) => t(`calendar.view.${viewOf(view)}`)}
          moreLinkText={(count: number) => t('calendar.more', { count })}
          moreLinkHint={(count: number) => t('calendar.moreHint', { count })}
          closeHint={t('calendar.close')}
          timeHint={t('calendar.time')}
          eventHint={t('calendar.event')}
          allDayText={t('calendar.allDay')}
          views={{ listWeek: { noEventsContent: t('calendar.noSessionsThisWeek') } }}
          firstDay={1}
          nowIndicator
          allDaySlot={false}
          height="auto"
          slotMinTime={hours.min}
          slotMaxTime={hours.max}
          events={events}
          loading={setLoading}
          eventSourceFailure={(e) => setError(e instanceof ApiError ? e : new ApiError(0, String(e)))}
          editable={canManage}
          eventDurationEditable={canManage}
          snapDuration="00:15:00"
          selectable={canManage}
          select={(s) => setCreating({ start: s.startStr })}
          eventDrop={move}
          eventResize={move}
          eventClick={(e) => {
            e.jsEvent.preventDefault();
            navigate(`/platform/sessions/${e.event.id}`);
          }}
        />
      </div>
      {count === 0 && !loading && <p className="hint">{t(canManage ? 'nothingManage' : 'nothingView')}</p>}
      {creating && (
        <CreateSession
          initialStart={creating.start}
          onClose={() => setCreating(null)}
          onCreated={(s) => {
            setCreating(null);
            setNotice(t('created', { title: sessionTitle(s) }));
            calendar.current?.getApi().refetchEvents();
          }}
        />
      )}
    </section>
  );
}
