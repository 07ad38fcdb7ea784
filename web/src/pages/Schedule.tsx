// The schedule: week, month and list views in the person's time zone; drag to reschedule; "Create Session".
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import type { EventDropArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';
import { api, ApiError } from '../lib/api';
import { useMe } from '../lib/auth';
import { navigate, useSearchParam } from '../lib/router';
import { isoToZoned } from '../lib/time';
import { sessionTitle, type ScheduleEntry } from '../lib/types';
import { intlTimeZonePlugin } from '../lib/fullcalendarTimeZone';
import { PageHeader } from '../ui/Layout';
import { ErrorBox } from '../ui/feedback';
import { CreateSession } from './CreateSession';

const VIEWS = ['timeGridWeek', 'dayGridMonth', 'listWeek'];

export default function Schedule() {
  const me = useMe();
  const canManage = me.role !== 'student';
  const calendar = useRef<FullCalendar>(null);
  const [error, setError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [count, setCount] = useState<number>();
  const initialView = useSearchParam('view');
  const initialDate = useSearchParam('date');
  const [creating, setCreating] = useState<{ start?: string } | null>(null);

  const events = useCallback(
    async (info: EventSourceFuncArg): Promise<EventInput[]> => {
      const { sessions } = await api.get<{ sessions: ScheduleEntry[] }>(
        `/api/schedule?from=${encodeURIComponent(info.start.toISOString())}&to=${encodeURIComponent(info.end.toISOString())}`,
      );
      setCount(sessions.length);
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
        `“${arg.event.title}” moved to ${start.toLocaleString(undefined, { timeZone: me.timeZone, dateStyle: 'medium', timeStyle: 'short' })}.`,
      );
    } catch (e) {
      arg.revert();
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    }
    calendar.current?.getApi().refetchEvents();
  };

  // FullCalendar's icons carry role="img" with no text, and its scrollers take no focus: fix both for
  // screen-reader and keyboard users whenever the calendar re-renders.
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
      el.querySelectorAll<HTMLElement>('.fc-scroller').forEach((sc) => {
        if (sc.scrollHeight > sc.clientHeight && !sc.hasAttribute('tabindex')) {
          sc.tabIndex = 0;
        }
      });
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const plugins = useMemo(
    () => [intlTimeZonePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
    [],
  );

  return (
    <section aria-labelledby="page-title">
      <PageHeader
        title="Schedule"
        actions={
          canManage && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating({})}>
              Create Session
            </button>
          )
        }
      >
        Times in {me.timeZone}.{' '}
        {canManage
          ? 'Drag a session to reschedule it; click it for details.'
          : 'Click a session for details.'}
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
          initialView={VIEWS.includes(initialView ?? '') ? initialView! : 'timeGridWeek'}
          initialDate={initialDate ?? undefined}
          datesSet={(d) => {
            // Keep the view and date in the address, so a reload or a shared link shows the same week.
            const url = `/platform/schedule?view=${d.view.type}&date=${isoToZoned(d.view.currentStart.toISOString(), me.timeZone).slice(0, 10)}`;
            if (location.pathname + location.search !== url) history.replaceState(null, '', url);
          }}
          headerToolbar={{
            left: 'prev,next today',
            center: 'title',
            right: 'timeGridWeek,dayGridMonth,listWeek',
          }}
          buttonText={{ today: 'Today', week: 'Week', month: 'Month', list: 'List' }}
          views={{ listWeek: { noEventsContent: 'No sessions in this week.' } }}
          firstDay={1}
          nowIndicator
          allDaySlot={false}
          scrollTime="07:00:00"
          contentHeight={620}
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
      {count === 0 && !loading && (
        <p className="hint">
          Nothing scheduled in this range.{canManage ? ' Use “Create Session” or select a time slot.' : ''}
        </p>
      )}
      {creating && (
        <CreateSession
          initialStart={creating.start}
          onClose={() => setCreating(null)}
          onCreated={(s) => {
            setCreating(null);
            setNotice(`Session “${sessionTitle(s)}” scheduled.`);
            calendar.current?.getApi().refetchEvents();
          }}
        />
      )}
    </section>
  );
}
